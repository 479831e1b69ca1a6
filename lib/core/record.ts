import { isMainThread, threadId } from 'node:worker_threads';
import { loadTimeMs, nowMs } from './clock.js';
import type { LogScope } from './scope.js';
import { getLevelName } from './levels.js';
import { percentFormat } from '../python/percent.js';
import { isPlainObject } from '../python/plain-object.js';
import { pyStr } from '../python/repr.js';

/** What `msg % args` takes: a tuple (array) or, for `%(key)s`, a single mapping. */
export type LogArgs = unknown[] | Record<string, unknown> | Map<string, unknown>;

/**
 * Structured fields for one call, given as the last argument of a log method.
 * Python spells this `extra={...}`; JS has no keyword arguments, so the marker says it.
 * @example logger.info('upload done', extra({ bytes: 1024 })) // record.extra.bytes === 1024
 */
export class Extra {
  constructor(readonly fields: Readonly<Record<string, unknown>>) {}
}

/** @see Extra */
export function extra(fields: Record<string, unknown>): Extra {
  return new Extra(fields);
}

/**
 * One logging event, with Python's attribute names so that format strings such as
 * `%(levelname)-8s` and wire peers read the same fields in both languages.
 * Per-process constants (`process`, `thread`, call-site placeholders) live on the prototype so
 * that building a record costs only what varies per call; assigning one still works per record.
 * @example new LogRecord('RT.worker', INFO, 'done %d', [3]).getMessage() // 'done 3'
 */
export class LogRecord {
  name: string;
  msg: unknown;
  args: LogArgs | null;
  levelno: number;
  levelname: string;
  /** Seconds since the epoch, as Python's `time.time()`. */
  created: number;
  /** Milliseconds part of `created`. */
  msecs: number;
  /** Milliseconds since the library was loaded. */
  relativeCreated: number;
  /** The error given with the call, rendered after the message as a traceback block. */
  exc_info: Error | undefined;
  /** Structured fields from {@link extra}, a bound logger, or a remote peer. */
  extra: Record<string, unknown> | undefined;
  /** The structured message (e.g. a Railtracks action) this record was made from, for structured outputs. */
  action: unknown;
  /** The scope the record was made in (a Railtracks session, …); its fields read as record fields. */
  scope: LogScope | undefined;
  /** Set by a Formatter: the result of getMessage(). */
  message: string | undefined;
  /** Set by a Formatter that uses the time. */
  asctime: string | undefined;

  declare pathname: string;
  declare filename: string;
  declare module: string;
  declare lineno: number;
  declare funcName: string;
  declare stack_info: string | undefined;
  declare exc_text: string | undefined;
  declare thread: number;
  declare threadName: string;
  declare process: number;
  declare processName: string;
  declare taskName: string | undefined;

  #cachedFor: unknown = undefined;
  #cachedArgs: LogArgs | null = null;
  #cachedMessage: string | undefined = undefined;

  constructor(
    name: string,
    level: number,
    msg: unknown,
    args: LogArgs | null = null,
    exc?: Error,
    extraFields?: Record<string, unknown>,
    createdMs: number = nowMs(),
  ) {
    this.name = name;
    this.msg = msg;
    this.args = normaliseArgs(args);
    this.levelno = level;
    this.levelname = getLevelName(level);
    this.created = createdMs / 1000;
    this.msecs = createdMs % 1000;
    this.relativeCreated = createdMs - loadTimeMs;
    this.exc_info = exc;
    this.extra = extraFields;
    this.action = undefined;
    this.scope = undefined;
    this.message = undefined;
    this.asctime = undefined;
  }

  /**
   * Railtracks' `%(relative_seconds)s`: seconds since the library loaded, three decimals.
   * A record field (not something only the colour formatter sets), so file formats can use it.
   */
  get relative_seconds(): string {
    const ms = this.relativeCreated;
    // Whole milliseconds (the usual Date.now clock) are printed with integer arithmetic:
    // toFixed is slow, and for these values it gives exactly the same text.
    if (Number.isInteger(ms) && ms >= 0 && ms < 1e15) {
      const seconds = Math.floor(ms / 1000);
      const millis = ms - seconds * 1000;
      return seconds + (millis < 10 ? '.00' : millis < 100 ? '.0' : '.') + millis;
    }
    return (ms / 1000).toFixed(3);
  }

  /**
   * `str(msg) % args`, exactly as Python's `LogRecord.getMessage`. Throws on a format/argument
   * mismatch; handlers catch that and report it through `handleError`.
   */
  getMessage(): string {
    if (this.#cachedMessage !== undefined && this.#cachedFor === this.msg && this.#cachedArgs === this.args) {
      return this.#cachedMessage;
    }
    const msg = typeof this.msg === 'string' ? this.msg : pyStr(this.msg);
    const args = this.args;
    const out = args === null || isEmptyArgs(args) ? msg : percentFormat(msg, args);
    this.#cachedFor = this.msg;
    this.#cachedArgs = args;
    this.#cachedMessage = out;
    return out;
  }

  /**
   * The value a format field `%(key)s` reads: a record attribute, else a structured field
   * (`extra`), else a field of the scope the record was made in.
   */
  field(key: string): unknown {
    // Read first: the layout's fields are almost always present, and a keyed read is cheaper
    // than an `in` test followed by the same read. `in` only decides for undefined values.
    const value = (this as unknown as Record<string, unknown>)[key];
    if (value !== undefined || key in this) return value;
    const extra = this.extra;
    if (extra !== undefined && Object.hasOwn(extra, key)) return extra[key];
    return this.scope?.fields[key];
  }

  /** Whether {@link field} finds `key` at all (a present field may hold undefined). */
  hasField(key: string): boolean {
    return key in this || (this.extra !== undefined && Object.hasOwn(this.extra, key))
      || (this.scope !== undefined && Object.hasOwn(this.scope.fields, key));
  }
}

const proto = LogRecord.prototype as unknown as Record<string, unknown>;
proto.pathname = '(unknown file)';
proto.filename = '(unknown file)';
proto.module = '(unknown file)';
proto.lineno = 0;
proto.funcName = '(unknown function)';
proto.stack_info = undefined;
proto.exc_text = undefined;
proto.thread = threadId;
proto.threadName = isMainThread ? 'MainThread' : `Thread-${threadId}`;
proto.process = process.pid;
proto.processName = 'MainProcess';
proto.taskName = undefined;

function isEmptyArgs(args: LogArgs): boolean {
  if (Array.isArray(args)) return args.length === 0;
  if (args instanceof Map) return args.size === 0;
  for (const _ in args) return false;
  return true;
}

/**
 * `value instanceof ctor` that answers false instead of throwing: a logged argument may be a
 * Proxy whose traps throw, and that must not cost the record.
 */
export function isInstance(value: unknown, ctor: abstract new (...args: never[]) => unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  try {
    return value instanceof ctor;
  } catch {
    return false;
  }
}

/** Python: a lone non-empty mapping argument becomes the mapping, so `%(key)s` works. */
function normaliseArgs(args: LogArgs | null): LogArgs | null {
  if (args !== null && Array.isArray(args) && args.length === 1) {
    const only = args[0];
    try {
      if (only instanceof Map ? only.size > 0 : isPlainObject(only) && !isEmptyArgs(only)) {
        return only as Record<string, unknown> | Map<string, unknown>;
      }
    } catch {
      // A hostile Proxy: keep it as a plain positional argument; str() renders it safely.
    }
  }
  return args;
}


/**
 * Python's LogRecord attributes, in the order of a record's `__dict__`: the order layouts that
 * read the whole record and the Python wire (`SocketHandler.makePickle`) see them in.
 */
export const RECORD_ATTRIBUTES = [
  'name', 'msg', 'args', 'levelname', 'levelno', 'pathname', 'filename', 'module', 'exc_info', 'exc_text',
  'stack_info', 'lineno', 'funcName', 'created', 'msecs', 'relativeCreated', 'thread', 'threadName',
  'processName', 'process',
] as const;

/** Record fields that are Python floats even when their JS number is integer-valued. */
export const FLOAT_RECORD_FIELDS: ReadonlySet<string> = new Set(['created', 'msecs', 'relativeCreated']);

// Attributes a dict from another process may set directly (never `exc_info`: a peer's
// exception arrives rendered, as `exc_text`); anything else, including the derived
// `relative_seconds`, is kept as a structured field.
const SETTABLE_ATTRIBUTES: ReadonlySet<string> = new Set([
  ...RECORD_ATTRIBUTES.filter((key) => key !== 'exc_info'), 'taskName', 'message', 'asctime',
]);

/**
 * Build a record from a plain dict, as Python's `logging.makeLogRecord`: known attributes are
 * set, everything else lands in `extra`. Used by receivers of records from other processes.
 * @example makeLogRecord({ name: 'worker', levelno: 20, msg: 'hi' }).levelname // 'INFO'
 */
export function makeLogRecord(dict: Record<string, unknown>): LogRecord {
  const record = new LogRecord('', 0, '', null);
  const rest: Record<string, unknown> = {};
  for (const key of Object.keys(dict)) {
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
    const value = dict[key];
    if (SETTABLE_ATTRIBUTES.has(key)) {
      (record as unknown as Record<string, unknown>)[key] = value;
    } else {
      rest[key] = value;
    }
  }
  if (typeof dict.levelno === 'number' && typeof dict.levelname !== 'string') {
    record.levelname = getLevelName(dict.levelno);
  }
  if (Object.keys(rest).length > 0) record.extra = rest;
  return record;
}
