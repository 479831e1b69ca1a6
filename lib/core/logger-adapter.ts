import { CRITICAL, DEBUG, ERROR, INFO, WARNING, toLevelNumber, type Level } from './levels.js';
import { disabledLogMethod } from './disabled-log-method.js';
import type { Logger, LogMethod } from './logger.js';

/**
 * A logger with fields bound to every record it makes (Python's `LoggerAdapter` with
 * `extra`). Binding again merges the fields. The fields object is frozen and shared by its
 * records, so structured formatters can serialise it once.
 *
 * Each level method is a getter: while the underlying logger's method is the shared no-op
 * (level disabled), the adapter returns that same no-op, so a disabled call costs what it costs
 * on the logger itself.
 * @example
 * const log = getRtLogger('api').bind({ requestId: 'r-17' });
 * log.info('served %s', '/health'); // record.extra.requestId === 'r-17'
 */
export class LoggerAdapter {
  readonly logger: Logger;
  readonly fields: Readonly<Record<string, unknown>>;
  readonly #debug: LogMethod;
  readonly #info: LogMethod;
  readonly #warning: LogMethod;
  readonly #error: LogMethod;
  readonly #exception: LogMethod;
  readonly #critical: LogMethod;

  constructor(logger: Logger, fields: Record<string, unknown>) {
    this.logger = logger;
    this.fields = Object.freeze({ ...fields });
    // Built once per adapter (at bind time), never per call.
    const at = (level: number, isException = false): LogMethod => (msg, ...args) =>
      logger.logBound(level, msg, args, this.fields, isException);
    this.#debug = at(DEBUG);
    this.#info = at(INFO);
    this.#warning = at(WARNING);
    this.#error = at(ERROR);
    this.#exception = at(ERROR, true);
    this.#critical = at(CRITICAL);
  }

  /** A new adapter with more fields; the later value wins on a clash. */
  bind(fields: Record<string, unknown>): LoggerAdapter {
    return new LoggerAdapter(this.logger, { ...this.fields, ...fields });
  }

  isEnabledFor(level: number): boolean {
    return this.logger.isEnabledFor(level);
  }

  log(level: Level, msg: unknown, ...args: unknown[]): void {
    this.logger.logBound(toLevelNumber(level), msg, args, this.fields);
  }

  get debug(): LogMethod {
    return this.logger.debug === disabledLogMethod ? disabledLogMethod : this.#debug;
  }
  get info(): LogMethod {
    return this.logger.info === disabledLogMethod ? disabledLogMethod : this.#info;
  }
  get warning(): LogMethod {
    return this.logger.warning === disabledLogMethod ? disabledLogMethod : this.#warning;
  }
  /** Alias of `warning`. */
  get warn(): LogMethod {
    return this.warning;
  }
  get error(): LogMethod {
    return this.logger.error === disabledLogMethod ? disabledLogMethod : this.#error;
  }
  /** ERROR with the trailing `Error` argument as the record's exception. */
  get exception(): LogMethod {
    return this.logger.exception === disabledLogMethod ? disabledLogMethod : this.#exception;
  }
  get critical(): LogMethod {
    return this.logger.critical === disabledLogMethod ? disabledLogMethod : this.#critical;
  }
}
