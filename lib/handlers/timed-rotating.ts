import { readdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { nowMs } from '../core/clock.js';
import { strftime } from '../python/strftime.js';
import type { FileHandlerOptions } from './file.js';
import { BaseRotatingHandler } from './base-rotating.js';

/** Python's rollover units: seconds, minutes, hours, days, midnight, or a weekday (W0 = Monday). */
export type RolloverWhen = 'S' | 'M' | 'H' | 'D' | 'midnight' | 'W0' | 'W1' | 'W2' | 'W3' | 'W4' | 'W5' | 'W6';

export interface TimedRotatingFileHandlerOptions extends Omit<FileHandlerOptions, 'mode'> {
  /** Default `'H'`. */
  when?: RolloverWhen;
  /** How many units between rollovers (ignored for `midnight` and weekdays, as in Python). Default 1. */
  interval?: number;
  /** Backups kept; 0 (default) keeps all. */
  backupCount?: number;
  /** Compute boundaries and suffixes in UTC instead of local time. */
  utc?: boolean;
  /** For `midnight` and weekdays: the time of day to roll over, `{ hour, minute, second }`. */
  atTime?: { hour: number; minute?: number; second?: number };
  /** Milliseconds since the epoch; the library clock (`setClock`) by default. Tests inject one. */
  clock?: () => number;
}

const DAY = 86_400;
const UNITS: Record<'S' | 'M' | 'H' | 'D', { seconds: number; suffix: string; match: string }> = {
  S: { seconds: 1, suffix: '%Y-%m-%d_%H-%M-%S', match: '\\d{4}-\\d{2}-\\d{2}_\\d{2}-\\d{2}-\\d{2}' },
  M: { seconds: 60, suffix: '%Y-%m-%d_%H-%M', match: '\\d{4}-\\d{2}-\\d{2}_\\d{2}-\\d{2}' },
  H: { seconds: 3600, suffix: '%Y-%m-%d_%H', match: '\\d{4}-\\d{2}-\\d{2}_\\d{2}' },
  D: { seconds: DAY, suffix: '%Y-%m-%d', match: '\\d{4}-\\d{2}-\\d{2}' },
};
const WHEN_VALUES: readonly string[] = ['S', 'M', 'H', 'D', 'midnight', 'W0', 'W1', 'W2', 'W3', 'W4', 'W5', 'W6'];

/**
 * C's `tm_isdst` for the local time zone at epoch second `t`: whether the offset then is ahead of
 * the year's standard offset (the smaller of January's and July's, so southern zones work too).
 */
function isLocalDst(t: number): boolean {
  const at = new Date(t * 1000);
  const year = at.getFullYear();
  const standard = Math.max(new Date(year, 0, 1).getTimezoneOffset(), new Date(year, 6, 1).getTimezoneOffset());
  return at.getTimezoneOffset() < standard;
}

/**
 * Python's `TimedRotatingFileHandler`: at each boundary (`when` × `interval`, or midnight, or
 * a weekday), the file moves to `app.log.<suffix>` with Python's suffixes (`%Y-%m-%d_%H-%M-%S`
 * for S, `…_%H-%M` for M, `…_%H` for H, `%Y-%m-%d` for D, midnight and W0–W6), named after
 * the start of the interval it covers; the oldest beyond `backupCount` are deleted. The first
 * boundary counts from the existing file's modification time, as in Python.
 * @example
 * const h = new TimedRotatingFileHandler('logs/app.log', { when: 'midnight', backupCount: 7 });
 * getRtLogger().addHandler(h); // app.log.2026-11-20, app.log.2026-11-21, …
 */
export class TimedRotatingFileHandler extends BaseRotatingHandler {
  readonly when: RolloverWhen;
  readonly backupCount: number;
  readonly utc: boolean;
  /** Seconds between rollovers. */
  readonly interval: number;
  readonly suffix: string;
  readonly #match: RegExp;
  readonly #dayOfWeek: number;
  readonly #atSeconds: number;
  readonly #clock: () => number;
  /** Epoch seconds of the next rollover; computed on the first record. */
  rolloverAt = NaN;

  constructor(filename: string, options: TimedRotatingFileHandlerOptions = {}) {
    const when = options.when ?? 'H';
    if (!WHEN_VALUES.includes(when)) {
      throw new RangeError(`when must be one of ${WHEN_VALUES.join(', ')} (W0 = Monday), got '${String(when)}'`);
    }
    const interval = options.interval ?? 1;
    if (!Number.isSafeInteger(interval) || interval < 1) throw new RangeError(`interval must be a whole number ≥ 1, got ${String(interval)}`);
    const backupCount = options.backupCount ?? 0;
    if (!Number.isSafeInteger(backupCount) || backupCount < 0) throw new RangeError(`backupCount must be a whole number ≥ 0, got ${String(backupCount)}`);
    super(filename, { ...options, mode: 'a' });
    this.when = when;
    this.backupCount = backupCount;
    this.utc = options.utc ?? false;
    const unit = when === 'midnight' ? 'D' : when.startsWith('W') ? 'D' : (when as 'S' | 'M' | 'H' | 'D');
    const step = when.startsWith('W') ? 7 * DAY : UNITS[unit].seconds;
    this.interval = step * (when === 'midnight' || when.startsWith('W') ? 1 : interval);
    this.suffix = UNITS[unit].suffix;
    this.#match = new RegExp(`^${UNITS[unit].match}(\\.\\w+)?$`);
    this.#dayOfWeek = when.startsWith('W') ? Number(when[1]) : -1;
    const at = options.atTime;
    this.#atSeconds = at === undefined ? DAY : (at.hour * 60 + (at.minute ?? 0)) * 60 + (at.second ?? 0);
    this.#clock = options.clock ?? nowMs;
  }

  protected shouldRollover(): boolean {
    const now = Math.floor(this.#clock() / 1000);
    if (Number.isNaN(this.rolloverAt)) {
      const st = statSync(this.baseFilename, { throwIfNoEntry: false });
      this.rolloverAt = this.computeRollover(st !== undefined ? Math.floor(st.mtimeMs / 1000) : now);
    }
    return now >= this.rolloverAt;
  }

  protected doRollover(): void {
    const now = Math.floor(this.#clock() / 1000);
    // Python's daylight-saving corrections, kept to the letter so that both languages name and
    // time their files alike (checked against python3 in three zones): the covered interval's
    // name is read an hour over when the clocks changed since it began...
    let covered = this.rolloverAt - this.interval;
    const dstNow = !this.utc && isLocalDst(now);
    if (!this.utc && dstNow !== isLocalDst(covered)) covered += dstNow ? 3600 : -3600;
    this.moveFile(this.baseFilename, `${this.baseFilename}.${strftime(this.suffix, new Date(covered * 1000), this.utc)}`);
    if (this.backupCount > 0) for (const old of this.filesToDelete()) this.removeFile(old);
    let next = this.computeRollover(now);
    while (next <= now) next += this.interval;
    // ...and a day-based boundary moves by the hour the clocks change before it.
    if (!this.utc && this.#dayBased() && dstNow !== isLocalDst(next)) next += dstNow ? 3600 : -3600;
    this.rolloverAt = next;
  }

  #dayBased(): boolean {
    return this.when === 'midnight' || this.when.startsWith('W');
  }

  /** Python's `computeRollover`: the epoch second of the boundary after `current`. */
  computeRollover(current: number): number {
    if (this.when !== 'midnight' && !this.when.startsWith('W')) return current + this.interval;
    const t = new Date(current * 1000);
    const [hour, minute, second, weekday] = this.utc
      ? [t.getUTCHours(), t.getUTCMinutes(), t.getUTCSeconds(), (t.getUTCDay() + 6) % 7]
      : [t.getHours(), t.getMinutes(), t.getSeconds(), (t.getDay() + 6) % 7];
    let r = this.#atSeconds - ((hour * 60 + minute) * 60 + second);
    let day = weekday;
    if (r < 0) {
      r += DAY;
      day = (day + 1) % 7;
    }
    let result = current + r;
    if (this.#dayOfWeek >= 0 && day !== this.#dayOfWeek) {
      result += (day < this.#dayOfWeek ? this.#dayOfWeek - day : 6 - day + this.#dayOfWeek + 1) * DAY;
      // Python corrects a weekday boundary days away for a clock change in between.
      if (!this.utc) {
        const dstNow = isLocalDst(current);
        if (dstNow !== isLocalDst(result)) result += dstNow ? 3600 : -3600;
      }
    }
    return result;
  }

  /** Backups beyond `backupCount`, oldest first (their suffixes sort by time). */
  filesToDelete(): string[] {
    const dir = dirname(this.baseFilename);
    const prefix = `${basename(this.baseFilename)}.`;
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return [];
    }
    const backups = names.filter((n) => n.startsWith(prefix) && this.#match.test(n.slice(prefix.length))).sort();
    return backups.slice(0, Math.max(0, backups.length - this.backupCount)).map((n) => join(dir, n));
  }
}
