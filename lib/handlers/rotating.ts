import { existsSync, statSync } from 'node:fs';
import { nowMs } from '../core/clock.js';
import type { FileHandlerOptions } from './file.js';
import { BaseRotatingHandler } from './base-rotating.js';
import { TimestampedBackups } from './timestamped-backups.js';

export interface RotatingFileHandlerOptions extends Omit<FileHandlerOptions, 'mode'> {
  /** Roll over before a record would bring the file to this many bytes. 0 (default): never. */
  maxBytes?: number;
  /** Backups kept. 0 (default): never roll over, as in Python. */
  backupCount?: number;
  /**
   * `'numbered'` (default): Python's `app.log.1` … `app.log.N`, `.1` the newest.
   * `'timestamped'`: `app-20251230-154522.log`, keeping the newest `backupCount`.
   */
  backupNaming?: 'numbered' | 'timestamped';
  /** Timestamped names in UTC instead of local time. */
  utc?: boolean;
  /** Milliseconds since the epoch for timestamped names; the library clock by default. */
  clock?: () => number;
}

/**
 * Python's `RotatingFileHandler`: before each record, if the file plus the record would reach
 * `maxBytes` bytes (UTF-8), the file is moved to `app.log.1` (older backups shift up to
 * `app.log.<backupCount>`, the oldest is dropped) and writing continues in a fresh `app.log`.
 * No file exceeds `maxBytes` unless a single record does (it then gets a file to itself).
 * With `backupNaming: 'timestamped'`, backups are `app-YYYYMMDD-HHMMSS.log` instead.
 * @example
 * const h = new RotatingFileHandler('logs/app.log', { maxBytes: 10_000_000, backupCount: 5 });
 * getRtLogger().addHandler(h);
 */
export class RotatingFileHandler extends BaseRotatingHandler {
  readonly maxBytes: number;
  readonly backupCount: number;
  readonly backupNaming: 'numbered' | 'timestamped';
  readonly #clock: () => number;
  readonly #stamped: TimestampedBackups | undefined;
  /** Bytes in the current file, counting what is queued; -1 until the first record. */
  #size = -1;
  /** UTF-8 length of the line last checked, added to the size once it is queued. */
  #lineBytes = 0;

  constructor(filename: string, options: RotatingFileHandlerOptions = {}) {
    const maxBytes = options.maxBytes ?? 0;
    const backupCount = options.backupCount ?? 0;
    if (!Number.isSafeInteger(maxBytes) || maxBytes < 0) {
      throw new RangeError(`maxBytes must be a whole number of bytes (0 = never rotate), got ${String(options.maxBytes)}`);
    }
    if (!Number.isSafeInteger(backupCount) || backupCount < 0) {
      throw new RangeError(`backupCount must be a whole number of backups to keep (0 = never rotate), got ${String(options.backupCount)}`);
    }
    const naming = options.backupNaming ?? 'numbered';
    if (naming !== 'numbered' && naming !== 'timestamped') {
      throw new RangeError(`backupNaming must be 'numbered' or 'timestamped', got '${String(naming)}'`);
    }
    // Python forces append mode when rotating: truncating would destroy what a restart rotates.
    super(filename, { ...options, mode: 'a' });
    this.maxBytes = maxBytes;
    this.backupCount = backupCount;
    this.backupNaming = naming;
    this.#clock = options.clock ?? nowMs;
    this.#stamped = naming === 'timestamped' ? new TimestampedBackups(this.baseFilename, options.utc ?? false) : undefined;
  }

  protected shouldRollover(line: string): boolean {
    if (this.maxBytes === 0 || this.backupCount === 0) return false;
    if (this.#size < 0) this.#size = currentSize(this.baseFilename);
    // An empty file takes the record whatever its size: rolling over would only make an empty backup.
    this.#lineBytes = Buffer.byteLength(line);
    return this.#size > 0 && this.#size + this.#lineBytes >= this.maxBytes;
  }

  protected override written(): void {
    if (this.#size >= 0) this.#size += this.#lineBytes;
  }

  protected doRollover(): void {
    this.#size = 0;
    if (this.#stamped !== undefined) {
      if (existsSync(this.baseFilename)) this.moveFile(this.baseFilename, this.#stamped.nameFor(this.#clock()));
      for (const old of this.#stamped.expired(this.backupCount)) this.removeFile(old);
      return;
    }
    for (let i = this.backupCount - 1; i >= 1; i--) {
      const from = `${this.baseFilename}.${i}`;
      if (existsSync(from)) this.moveFile(from, `${this.baseFilename}.${i + 1}`);
    }
    this.moveFile(this.baseFilename, `${this.baseFilename}.1`);
  }
}

function currentSize(path: string): number {
  const st = statSync(path, { throwIfNoEntry: false });
  return st !== undefined && st.isFile() ? st.size : 0;
}
