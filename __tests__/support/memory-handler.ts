/** A handler that keeps formatted lines in memory, the in-memory sink of formatter tests. */
import { Handler, type LogRecord } from '../../lib/index.js';

/** @example const h = new MemoryHandler(); logger.addHandler(h); h.lines // ['...'] */
export class MemoryHandler extends Handler {
  lines: string[] = [];
  errors: unknown[] = [];

  emit(record: LogRecord): void {
    this.lines.push(this.format(record));
  }

  override handleError(_record: LogRecord, error: unknown): void {
    this.errors.push(error);
  }
}
