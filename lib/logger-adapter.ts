import { CRITICAL, DEBUG, ERROR, INFO, WARNING, toLevelNumber, type Level } from './levels.js';
import type { Logger } from './logger.js';

/**
 * A logger with fields bound to every record it makes (Python's `LoggerAdapter` with
 * `extra`). Binding again merges the fields. The fields object is shared by its records, so
 * structured formatters can serialise it once.
 * @example
 * const log = getRtLogger('api').bind({ requestId: 'r-17' });
 * log.info('served %s', '/health'); // record.extra.requestId === 'r-17'
 */
export class LoggerAdapter {
  readonly logger: Logger;
  readonly fields: Readonly<Record<string, unknown>>;

  constructor(logger: Logger, fields: Record<string, unknown>) {
    this.logger = logger;
    this.fields = Object.freeze({ ...fields });
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
  debug(msg: unknown, ...args: unknown[]): void {
    this.logger.logBound(DEBUG, msg, args, this.fields);
  }
  info(msg: unknown, ...args: unknown[]): void {
    this.logger.logBound(INFO, msg, args, this.fields);
  }
  warning(msg: unknown, ...args: unknown[]): void {
    this.logger.logBound(WARNING, msg, args, this.fields);
  }
  warn(msg: unknown, ...args: unknown[]): void {
    this.logger.logBound(WARNING, msg, args, this.fields);
  }
  error(msg: unknown, ...args: unknown[]): void {
    this.logger.logBound(ERROR, msg, args, this.fields);
  }
  exception(msg: unknown, ...args: unknown[]): void {
    this.logger.logBound(ERROR, msg, args, this.fields, true);
  }
  critical(msg: unknown, ...args: unknown[]): void {
    this.logger.logBound(CRITICAL, msg, args, this.fields);
  }
}
