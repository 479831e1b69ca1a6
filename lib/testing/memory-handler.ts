import { Handler } from '../core/handler.js';
import type { LogRecord } from '../core/record.js';

/**
 * A handler that keeps what it is given in memory: every record, its formatted line, and the
 * errors raised while formatting it (instead of printing a logging-error report). `until(n)`
 * waits for the n-th record without guessing at timing, for code that logs asynchronously.
 * @example
 * const memory = new MemoryHandler();
 * getRtLogger().addHandler(memory);
 * getRtLogger().warning('disk at %d%%', 91);
 * memory.lines; // ['disk at 91%']
 */
export class MemoryHandler extends Handler {
  readonly records: LogRecord[] = [];
  readonly lines: string[] = [];
  readonly errors: unknown[] = [];
  #waiters: Array<{ n: number; resolve: () => void }> = [];

  emit(record: LogRecord): void {
    this.records.push(record);
    this.lines.push(this.format(record));
    if (this.#waiters.length > 0) this.#wake();
  }

  /** Keeps the error (see `errors`) instead of reporting it; the record is not kept. */
  override handleError(_record: LogRecord, error: unknown): void {
    this.errors.push(error);
  }

  /** Resolves once at least `n` records have arrived. */
  until(n: number): Promise<void> {
    if (this.records.length >= n) return Promise.resolve();
    return new Promise((resolve) => this.#waiters.push({ n, resolve }));
  }

  /** Forget everything kept so far. */
  clear(): void {
    this.records.length = 0;
    this.lines.length = 0;
    this.errors.length = 0;
  }

  #wake(): void {
    const count = this.records.length;
    this.#waiters = this.#waiters.filter((w) => (count >= w.n ? (w.resolve(), false) : true));
  }
}
