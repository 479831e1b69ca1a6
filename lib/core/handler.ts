import { Filterer } from './filter.js';
import { Formatter } from './formatter.js';
import { reportLoggingError } from './logging-errors.js';
import { NOTSET, toLevelNumber, type Level } from './levels.js';
import { makeLogRecord, type LogRecord } from './record.js';

const defaultFormatter = new Formatter();

/**
 * Where records go. Subclasses implement `emit`; everything else — the level gate, filters,
 * formatting, and the guarantee that nothing thrown inside reaches the logging call — is here.
 * @example
 * class ArrayHandler extends Handler {
 *   lines: string[] = [];
 *   emit(record: LogRecord) { this.lines.push(this.format(record)); }
 * }
 * getRtLogger().addHandler(new ArrayHandler('INFO'));
 */
export abstract class Handler extends Filterer {
  level: number;
  formatter: Formatter | undefined = undefined;
  /** Optional name, as Python's `handler.name` (dictConfig refers to handlers by it). */
  name: string | undefined = undefined;
  /** True once `close()` ran; emit is not called after that. */
  closed = false;

  constructor(level: Level = NOTSET) {
    super();
    this.level = toLevelNumber(level);
  }

  /** @example handler.setLevel('WARNING') */
  setLevel(level: Level): void {
    this.level = toLevelNumber(level);
  }

  setFormatter(formatter: Formatter | undefined): void {
    this.formatter = formatter;
  }

  /** Render a record with this handler's formatter (Python's default `%(message)s` otherwise). */
  format(record: LogRecord): string {
    return (this.formatter ?? defaultFormatter).format(record);
  }

  /**
   * Gate, filter and emit one record. Returns whether it was emitted. Never throws: a failure
   * in a filter, the formatter or `emit` goes to `handleError`.
   */
  handle(record: LogRecord): boolean {
    if (record.levelno < this.level || this.closed) return false;
    try {
      const passed = this.filters.length === 0 ? record : this.applyFilters(record);
      if (passed === false) return false;
      this.emit(passed);
      return true;
    } catch (err) {
      this.handleError(record, err);
      return false;
    }
  }

  /** Write one record. Called only by `handle`, after the level and filters passed. */
  abstract emit(record: LogRecord): void;

  /** Push out anything buffered; resolves when it is written. */
  flush(): void | Promise<void> {}

  /** Release resources; flushes first. Idempotent. */
  close(): void | Promise<void> {
    this.closed = true;
  }

  /**
   * Report a failure while handling `record`: a `--- Logging error ---` block on stderr,
   * rate-limited per handler. Override to route failures elsewhere; never throw from it.
   */
  handleError(record: LogRecord, error: unknown): void {
    reportLoggingError(this, error, { msg: record.msg, args: record.args });
  }

  /**
   * Report a failure that belongs to no one logging call — a write after the call returned, a
   * flush, a close — through `handleError` (so an override sees it too), with a record whose
   * message says what was being done.
   * @example handler.reportFailure(`writing to ${path}`, err)
   */
  reportFailure(doing: string, error: unknown): void {
    this.handleError(makeLogRecord({ name: this.name ?? '', msg: doing, levelno: 40 }), error);
  }
}

/**
 * Close `handler` and wait for it; a failure (thrown or rejected) is reported through the
 * handler, never thrown. The one teardown path: reconfiguring, a session's end and resetting
 * the registry all close their handlers through it.
 * @example await closeHandler(fileHandler);
 */
export async function closeHandler(handler: Handler): Promise<void> {
  try {
    await handler.close();
  } catch (err) {
    handler.reportFailure('closing handler', err);
  }
}
