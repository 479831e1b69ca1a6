import { setClock } from '../core/clock.js';

/** A clock a test moves by hand; see {@link useFixedClock}. */
export interface FixedClock {
  /** The time every record now carries, in milliseconds since the epoch. */
  readonly nowMs: number;
  set(ms: number): void;
  advance(ms: number): void;
}

/**
 * Pin the library's clock (record times, rotation checks) to `startMs` until `resetLogging()`
 * or `setClock()`; move it with `set`/`advance`.
 * @example
 * const clock = useFixedClock(Date.UTC(2026, 10, 21, 14, 9, 37, 370));
 * clock.advance(1500); // the next record is 1.5 s later
 */
export function useFixedClock(startMs: number): FixedClock {
  let now = startMs;
  setClock(() => now);
  return {
    get nowMs() {
      return now;
    },
    set(ms: number) {
      now = ms;
    },
    advance(ms: number) {
      now += ms;
    },
  };
}
