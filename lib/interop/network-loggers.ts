/**
 * Logger names chosen by a peer. The registry of loggers never shrinks (Python's neither), so a
 * peer sending a fresh name per record would grow it without end (1M names held 485 MiB, see
 * docs/components/python_interop.md). Each receiver creates loggers for at most `maxNames`
 * distinct names; a record with any further name goes to the nearest ancestor it already knows
 * (its handlers are where the record would have propagated to), or the root logger, and is
 * counted. The record keeps the name the peer sent, so formatters and name filters see it.
 */
import { getLogger } from '../core/manager.js';
import type { Logger } from '../core/logger.js';

/** Distinct peer-chosen names a receiver turns into loggers, by default. */
export const DEFAULT_MAX_LOGGER_NAMES = 1000;

/**
 * The loggers one receiver created for peer-chosen names (`receiver.loggerNames`).
 * @example
 * const receiver = new LogRecordSocketReceiver({ maxLoggerNames: 200 });
 * // later: receiver.loggerNames.created (at most 200), receiver.loggerNames.overflowed
 */
export class NetworkLoggers {
  /** Records whose name was past the bound and went to a known ancestor (or root) instead. */
  overflowed = 0;
  #known = new Map<string, Logger>();
  #created = 0;

  constructor(readonly maxNames = DEFAULT_MAX_LOGGER_NAMES) {}

  /** Distinct names this receiver has turned into loggers. */
  get created(): number {
    return this.#created;
  }

  /** The logger that handles a record named `name`. */
  loggerFor(name: string): Logger {
    if (name === '' || name === 'root') return getLogger();
    const known = this.#known.get(name);
    if (known !== undefined) return known;
    if (this.#created < this.maxNames) {
      this.#created++;
      const logger = getLogger(name);
      // Its ancestors exist already (the application's `RT`, say): remember them for overflow.
      for (let l: Logger | undefined = logger; l !== undefined && l.parent !== undefined; l = l.parent) this.#known.set(l.name, l);
      return logger;
    }
    this.overflowed++;
    for (let i = name.lastIndexOf('.'); i > 0; i = name.lastIndexOf('.', i - 1)) {
      const ancestor = this.#known.get(name.slice(0, i));
      if (ancestor !== undefined) return ancestor;
    }
    return getLogger();
  }
}
