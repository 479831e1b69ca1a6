/**
 * A single profiling mark: when it happened, which logical step it belongs to, and what it says.
 * Mirrors the Python original's `Stamp(time, step, identifier)`.
 */

import { pyRepr, stringRepr } from '../python/repr.js';

/**
 * The plain form of a stamp, as written to JSON and read by the Python loader.
 * @example const e: EncodedStamp = { time: 1764000000.25, step: 0, identifier: 'Session start' };
 */
export interface EncodedStamp {
  time: number;
  step: number;
  identifier: string;
}

const hrtime = process.hrtime;

/**
 * Seconds on the system's monotonic clock (CLOCK_MONOTONIC, shared by every thread).
 * `process.hrtime()` measured cheaper per call than `performance.now()`, `Date.now()` or
 * `process.hrtime.bigint()` on Node 20, and the clock read is most of a stamp's cost.
 * Multiplying by 1e-9 instead of dividing measured about 7 ns cheaper per stamp (two float
 * divisions were the largest cost after the clock read itself).
 * @example const t0 = monotonicSeconds(); work(); const elapsedSeconds = monotonicSeconds() - t0;
 */
export function monotonicSeconds(): number {
  const t = hrtime();
  // ns * 1e-9 is below 1, so whole seconds plus it never decreases as the clock ticks.
  return t[0] + t[1] * 1e-9;
}

/**
 * Epoch seconds at monotonic zero, measured once per thread. SharedStampManager shares the
 * creating thread's value, so stamps from every thread sit on one clock.
 * @example const epochSeconds = stampEpochBaseSeconds + monotonicSeconds();
 */
export const stampEpochBaseSeconds: number = (performance.timeOrigin + performance.now()) / 1000 - monotonicSeconds();

/**
 * The current time in epoch seconds with sub-millisecond resolution, never decreasing within a
 * thread: a monotonic reading plus a constant (IEEE rounding keeps the order). Date.now() would
 * follow wall-clock adjustments and only resolves milliseconds.
 * @example
 * const t = stampClock(); // e.g. 1764000000.1234567
 */
export function stampClock(): number {
  return stampEpochBaseSeconds + monotonicSeconds();
}

/**
 * One profiling mark. Ordered by step first, then time: all stamps of an earlier step come
 * before any of a later one, whatever their times.
 * @example
 * const a = new Stamp(10.5, 0, 'Session start');
 * const b = new Stamp(9.0, 1, 'chunk-A embedded');
 * a.lessThan(b); // true: step 0 precedes step 1 even though b is earlier
 */
export class Stamp {
  constructor(
    /** Epoch seconds, sub-millisecond resolution. */
    readonly time: number,
    /** The logical step this stamp belongs to. */
    readonly step: number,
    /** What happened. */
    readonly identifier: string,
  ) {}

  /**
   * Step first, then time; equal step and time is not less (Python's `__lt__`).
   * @example new Stamp(2, 0, 'a').lessThan(new Stamp(1, 1, 'b')); // true
   */
  lessThan(other: Stamp): boolean {
    return this.step === other.step ? this.time < other.time : this.step < other.step;
  }

  /**
   * Upstream's dataclass equality: same class (a subclass is never equal to a plain Stamp, as
   * the dataclass `__eq__` answers NotImplemented across classes) and the same time, step and
   * identifier. Ordering is a different question: equal step and time is not "less" either way.
   * @example new Stamp(1, 0, 'a').equals(new Stamp(1, 0, 'a')); // true
   */
  equals(other: unknown): boolean {
    return other instanceof Stamp && other.constructor === this.constructor
      && this.time === other.time && this.step === other.step && this.identifier === other.identifier;
  }

  /**
   * The counterpart of upstream's `__hash__` (a hash of `(time, step, identifier)`): a string
   * that two {@link equals} stamps share, to key a `Map` or `Set` by stamp value, since JS
   * collections compare objects by identity.
   * @example new Set([a, b].map((s) => s.hashKey())).size; // 1 when a.equals(b)
   */
  hashKey(): string {
    // JSON keeps the three parts apart whatever the identifier holds, and writes -0 as 0, as
    // Python hashes 0.0 and -0.0 alike.
    return JSON.stringify([this.time, this.step, this.identifier]);
  }

  /**
   * The plain `{ time, step, identifier }` object used by JSON and the Python loader.
   * @example new Stamp(1.5, 0, 'a').encode(); // { time: 1.5, step: 0, identifier: 'a' }
   */
  encode(): EncodedStamp {
    return { time: this.time, step: this.step, identifier: this.identifier };
  }

  /** JSON.stringify uses the encoded form. @example JSON.stringify(new Stamp(1, 0, 'a')); // '{"time":1,"step":0,"identifier":"a"}' */
  toJSON(): EncodedStamp {
    return this.encode();
  }

  /**
   * Upstream's dataclass repr, with Python's reprs of each field (the identifier quoted and
   * escaped as Python's `repr` does it; a whole-number time shows as Python shows an int).
   * @example String(new Stamp(1.5, 0, "it's")); // `Stamp(time=1.5, step=0, identifier="it's")`
   */
  toString(): string {
    return `Stamp(time=${pyRepr(this.time)}, step=${pyRepr(this.step)}, identifier=${stringRepr(this.identifier)})`;
  }

  /**
   * Comparator for `Array.prototype.sort`: negative when `a` sorts first, step then time.
   * @example [late, early].sort(Stamp.compare);
   */
  static compare(this: void, a: Stamp, b: Stamp): number {
    return a.step - b.step || a.time - b.time;
  }
}
