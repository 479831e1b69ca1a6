/**
 * A handler that keeps what it receives, and a way to wait for a number of records without
 * timing assumptions: tests await `until(n)` and the promise resolves when the n-th arrives.
 */
import { Handler } from '../../lib/core/handler.js';
import type { LogRecord } from '../../lib/core/record.js';

/**
 * Collects records (and their formatted lines) in memory.
 * @example const cap = new CaptureHandler(); getLogger('x').addHandler(cap); await cap.until(2);
 */
export class CaptureHandler extends Handler {
  records: LogRecord[] = [];
  lines: string[] = [];
  #waiters: Array<{ n: number; resolve: () => void }> = [];

  emit(record: LogRecord): void {
    this.records.push(record);
    this.lines.push(this.format(record));
    this.#waiters = this.#waiters.filter((w) => (this.records.length >= w.n ? (w.resolve(), false) : true));
  }

  /** Resolves once at least `n` records arrived. */
  until(n: number): Promise<void> {
    if (this.records.length >= n) return Promise.resolve();
    return new Promise((resolve) => this.#waiters.push({ n, resolve }));
  }
}
