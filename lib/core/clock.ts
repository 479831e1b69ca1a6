/**
 * The library's sense of time. `loadTimeMs` is taken once when the library is first imported:
 * Python's `logging` measures `relativeCreated` from its own import, and Railtracks'
 * `relative_seconds` follows it, so ours does the same.
 *
 * `setClock` lets tests and cross-language differential checks pin "now" to a fixed value.
 */
export const loadTimeMs: number = Date.now();

let clock: () => number = Date.now;

/** Milliseconds since the epoch, from the installed clock. */
export function nowMs(): number {
  return clock();
}

/**
 * Replace the wall clock (milliseconds since the epoch); call with no argument to restore it.
 * @example setClock(() => 1_700_000_000_000); // every record now carries that time
 */
export function setClock(fn?: () => number): void {
  clock = fn ?? Date.now;
}
