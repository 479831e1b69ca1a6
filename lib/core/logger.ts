/**
 * The logger, and the route every record takes from a log call to the bytes on disk:
 *  1. `logger.info(...)`: the level method is the real one or the shared no-op (swapped when
 *     levels change), so a disabled call costs one empty call.
 *  2. `#log` peels the trailing markers (`extra(...)`, an Error), turns a StructuredMessage
 *     into its text, and builds the LogRecord (record.ts) with call site (call-site.ts, when a
 *     formatter asked) and scope fields (scope.ts).
 *  3. `handle`: this logger's filters, then `callHandlers` walks up the parents while
 *     `propagate`, handing the record to each Handler (handler.ts), or to lastResort if none.
 *  4. `Handler.handle`: handler level, handler filters, `format` (formatter.ts, or a JSON /
 *     colourful formatter), `emit` — StreamHandler writes a line, FileHandler hands it to the
 *     BatchedFileWriter (handlers/), which writes a turn's lines at once and flushes on exit.
 *  5. Anything thrown on the way goes to reportLoggingError (logging-errors.ts): rate-limited,
 *     never thrown into the caller.
 * docs/components/architecture.md draws the same route with the layers.
 */
import { callSitesWanted, fillCallSite } from './call-site.js';
import { Filterer } from './filter.js';
import type { Handler } from './handler.js';
import { reportLoggingError } from './logging-errors.js';
import { CRITICAL, DEBUG, ERROR, INFO, NOTSET, WARNING, toLevelNumber, type Level } from './levels.js';
import { Extra, LogRecord, isInstance } from './record.js';
import { currentScope, getBaseScope, getScopedRootName, scopeAdmits, scopeFloor, type LogScope } from './scope.js';
import { enrichersInstalled, enrichRecord } from './record-enrichers.js';
import { StructuredMessage } from './structured-message.js';
import { countPercentArgs } from '../python/percent-args.js';
import { disabledLogMethod } from './disabled-log-method.js';
import { LoggerAdapter } from './logger-adapter.js';

/** A log method: a message (string, any value, or a `StructuredMessage`) then `%` arguments. */
export type LogMethod = (msg: unknown, ...args: unknown[]) => void;

/** What a Logger needs from the registry that owns it. */
export interface LoggerHost {
  /** Python's `logging.disable(level)`: levels at or below it are off everywhere. */
  readonly disableLevel: number;
  /** Prints WARNING and above when no handler at all was found, as Python's `lastResort`. */
  readonly lastResort: Handler | undefined;
  /** Called after a level changes so every cached check is recomputed. */
  levelsChanged(): void;
}

const noop: LogMethod = disabledLogMethod;

/**
 * A named channel in the dotted logger tree, with Python `logging` semantics: a level
 * (inherited from the parents when NOTSET), filters, handlers, and propagation to the parents'
 * handlers. Get one from `getLogger(name)` or `getRtLogger(name)`; never construct directly.
 *
 * A disabled level costs one call to an empty function: whenever levels change, each level
 * method is swapped for a no-op or the real one, so nothing (not even the rest-args array)
 * is built for a call that will be dropped.
 * @example
 * const log = getRtLogger('worker-42');
 * log.debug('internal state=%s', { queue: 3 }); // "RT.worker-42", Python % formatting
 */
export class Logger extends Filterer {
  readonly name: string;
  parent: Logger | undefined = undefined;
  propagate = true;
  /** Off switch for this logger alone (Python's `logger.disabled`). */
  disabled = false;
  handlers: Handler[] = [];

  #level = NOTSET;
  #host: LoggerHost;
  /** The lowest level that passes: effective level, `disable()` and `disabled` folded in. */
  #threshold = WARNING;
  /** True when the level comes from the scoped root, so a scope may lower it (see core/scope.ts). */
  #scoped = false;
  /** What records made here carry outside every scope: the base scope under the scoped root. */
  #baseScope: LogScope | undefined = undefined;

  debug: LogMethod = noop;
  info: LogMethod = noop;
  warning: LogMethod = noop;
  /** Alias of `warning`, as in Python. */
  warn: LogMethod = noop;
  error: LogMethod = noop;
  critical: LogMethod = noop;
  /** Alias of `critical`. */
  fatal: LogMethod = noop;
  /** ERROR with the trailing `Error` argument rendered as a traceback block. */
  exception: LogMethod = noop;

  constructor(name: string, host: LoggerHost, level: Level = NOTSET) {
    super();
    this.name = name;
    this.#host = host;
    this.#level = toLevelNumber(level);
  }

  /** The level set on this logger itself (NOTSET means "ask the parent"). */
  get level(): number {
    return this.#level;
  }

  /** @example getRtLogger().setLevel('DEBUG') */
  setLevel(level: Level): void {
    this.#level = toLevelNumber(level);
    this.#host.levelsChanged();
  }

  /** The first level set on this logger or its parents, as Python's `getEffectiveLevel`. */
  getEffectiveLevel(): number {
    let logger: Logger | undefined = this;
    while (logger !== undefined) {
      if (logger.#level !== NOTSET) return logger.#level;
      logger = logger.parent;
    }
    return NOTSET;
  }

  /** Whether a call at `level` would create a record here (in the caller's session, if any). */
  isEnabledFor(level: number): boolean {
    if (level >= this.#threshold) return true;
    return this.#scoped && level >= scopeFloor && level > this.#host.disableLevel && !this.disabled
      && scopeAdmits(level);
  }

  /**
   * Recompute the cached threshold and swap each level method between the real one and a
   * no-op. Called by the registry whenever any level, `disable()` or the scope floor changes.
   * @internal
   */
  refreshLevelCache(scopedRoot: Logger | undefined): void {
    const effective = this.getEffectiveLevel();
    this.#threshold = this.disabled ? Infinity : Math.max(effective, this.#host.disableLevel + 1);
    this.#scoped = scopedRoot !== undefined && this.#levelComesFrom(scopedRoot);
    const rootName = getScopedRootName();
    const underRoot = rootName !== undefined && (this.name === rootName || this.name.startsWith(rootName + '.'));
    this.#baseScope = underRoot ? getBaseScope() : undefined;
    const floor = this.#scoped ? Math.max(scopeFloor, this.#host.disableLevel + 1) : Infinity;
    const reachable = (level: number) => !this.disabled && (level >= this.#threshold || level >= floor);
    const proto = Logger.prototype;
    this.debug = reachable(DEBUG) ? proto.logDebug : noop;
    this.info = reachable(INFO) ? proto.logInfo : noop;
    this.warning = this.warn = reachable(WARNING) ? proto.logWarning : noop;
    this.error = reachable(ERROR) ? proto.logError : noop;
    this.exception = reachable(ERROR) ? proto.logException : noop;
    this.critical = this.fatal = reachable(CRITICAL) ? proto.logCritical : noop;
  }

  #levelComesFrom(scopedRoot: Logger): boolean {
    let logger: Logger | undefined = this;
    while (logger !== undefined) {
      if (logger === scopedRoot) return true;
      if (logger.#level !== NOTSET) return false;
      logger = logger.parent;
    }
    return false;
  }

  /** Log at any numeric level or level name. */
  log(level: Level, msg: unknown, ...args: unknown[]): void {
    let n: number;
    try {
      n = typeof level === 'number' ? level : toLevelNumber(level);
    } catch (err) {
      reportLoggingError(this, err, { msg, args });
      return;
    }
    if (this.isEnabledFor(n)) this.#log(n, msg, args, false);
  }

  /** @internal the enabled bodies the level methods are swapped to. */
  logDebug(this: Logger, msg: unknown, ...args: unknown[]): void {
    if (this.isEnabledFor(DEBUG)) this.#log(DEBUG, msg, args, false);
  }
  /** @internal */
  logInfo(this: Logger, msg: unknown, ...args: unknown[]): void {
    if (this.isEnabledFor(INFO)) this.#log(INFO, msg, args, false);
  }
  /** @internal */
  logWarning(this: Logger, msg: unknown, ...args: unknown[]): void {
    if (this.isEnabledFor(WARNING)) this.#log(WARNING, msg, args, false);
  }
  /** @internal */
  logError(this: Logger, msg: unknown, ...args: unknown[]): void {
    if (this.isEnabledFor(ERROR)) this.#log(ERROR, msg, args, false);
  }
  /** @internal */
  logException(this: Logger, msg: unknown, ...args: unknown[]): void {
    if (this.isEnabledFor(ERROR)) this.#log(ERROR, msg, args, true);
  }
  /** @internal */
  logCritical(this: Logger, msg: unknown, ...args: unknown[]): void {
    if (this.isEnabledFor(CRITICAL)) this.#log(CRITICAL, msg, args, false);
  }

  /**
   * Build the record and dispatch it. Trailing markers are peeled off the arguments: an
   * `extra(...)` object, then an `Error` the format string does not consume (for `exception`,
   * the last Error is always the exception). Nothing thrown here reaches the caller.
   */
  #log(level: number, msg: unknown, args: unknown[], isException: boolean, bound?: Record<string, unknown>): void {
    try {
      let fields = bound;
      let exc: Error | undefined;
      let n = args.length;
      if (n > 0 && isInstance(args[n - 1], Extra)) {
        const given = (args[n - 1] as Extra).fields;
        fields = fields === undefined ? given : { ...fields, ...given };
        n--;
      }
      let action: StructuredMessage | undefined;
      if (isInstance(msg, StructuredMessage)) {
        action = msg as StructuredMessage;
        msg = action.toLoggingMsg();
      }
      if (n > 0 && isInstance(args[n - 1], Error)) {
        if (isException || countPercentArgs(typeof msg === 'string' ? msg : String(msg)) < n) {
          exc = args[n - 1] as Error;
          n--;
        }
      }
      if (exc === undefined && isException && action !== undefined) {
        const carried = action.exception;
        if (carried instanceof Error) exc = carried;
      }
      const record = new LogRecord(this.name, level, msg, n === args.length ? args : args.slice(0, n), exc, fields);
      if (callSitesWanted()) fillCallSite(record);
      if (action !== undefined) record.action = action;
      const scope = currentScope() ?? this.#baseScope;
      if (scope !== undefined) record.scope = scope;
      if (enrichersInstalled) enrichRecord(record);
      this.handle(record);
    } catch (err) {
      reportLoggingError(this, err, { msg, args });
    }
  }

  /** @internal used by LoggerAdapter to add bound fields without re-peeling markers. */
  logBound(level: number, msg: unknown, args: unknown[], bound: Record<string, unknown>, isException = false): void {
    if (this.isEnabledFor(level)) this.#log(level, msg, args, isException, bound);
  }

  /** Apply this logger's filters, then pass the record to every handler up the tree. */
  handle(record: LogRecord): void {
    if (this.disabled) return;
    const passed = this.filters.length === 0 ? record : this.applyFilters(record);
    if (passed !== false) this.callHandlers(passed);
  }

  /** Python's `callHandlers`: walk up while `propagate`; last resort when nobody handled it. */
  callHandlers(record: LogRecord): void {
    let found = 0;
    let logger: Logger | undefined = this;
    while (logger !== undefined) {
      const handlers = logger.handlers;
      for (let i = 0; i < handlers.length; i++) {
        found++;
        handlers[i]!.handle(record);
      }
      logger = logger.propagate ? logger.parent : undefined;
    }
    if (found === 0) {
      const lastResort = this.#host.lastResort;
      if (lastResort !== undefined) lastResort.handle(record);
    }
  }

  /** @example logger.addHandler(new StreamHandler(process.stdout)) */
  addHandler(handler: Handler): void {
    if (!this.handlers.includes(handler)) this.handlers.push(handler);
  }

  removeHandler(handler: Handler): void {
    const at = this.handlers.indexOf(handler);
    if (at >= 0) this.handlers.splice(at, 1);
  }

  /** Whether this logger or a parent it propagates to has any handler. */
  hasHandlers(): boolean {
    let logger: Logger | undefined = this;
    while (logger !== undefined) {
      if (logger.handlers.length > 0) return true;
      logger = logger.propagate ? logger.parent : undefined;
    }
    return false;
  }

  /**
   * A logger whose records carry `fields` (Python's `LoggerAdapter`).
   * @example getRtLogger('api').bind({ requestId: 'r-17' }).info('ok')
   */
  bind(fields: Record<string, unknown>): LoggerAdapter {
    return new LoggerAdapter(this, fields);
  }

  /** Python's `getChild`: `getLogger('RT').getChild('a')` is `RT.a`. Set by the registry. */
  declare getChild: (suffix: string) => Logger;

  toString(): string {
    return `<Logger ${this.name} (${this.getEffectiveLevel()})>`;
  }
}
