import { types } from 'node:util';
import { Formatter } from '../core/formatter.js';
import type { LogRecord } from '../core/record.js';
import { isScopeFieldName } from '../core/scope.js';
import { describeThrown, jsonString, SafeJson, type SafeJsonOptions } from './safe-json.js';

export interface JsonFormatterOptions extends SafeJsonOptions {
  /** Write timestamps in UTC (`…Z`) instead of local time with its offset. */
  utc?: boolean;
  /** Fields written on every line (service name, host…), serialised once here. */
  fields?: Record<string, unknown>;
}

/**
 * Whether a frozen object's text can never change: every own property is a data property
 * holding a primitive (a nested object could still be mutated; a getter could answer
 * differently). Never throws.
 */
function fixedPrimitives(fields: object): boolean {
  try {
    for (const descriptor of Object.values(Object.getOwnPropertyDescriptors(fields))) {
      if (!('value' in descriptor)) return false;
      const value: unknown = descriptor.value;
      if ((typeof value === 'object' && value !== null) || typeof value === 'function') return false;
    }
    return true;
  } catch {
    return false;
  }
}

/** `Object.isFrozen`, false when a Proxy's trap throws (the field walk then reports it). */
function isFrozenSafely(fields: object): boolean {
  try {
    return Object.isFrozen(fields);
  } catch {
    return false;
  }
}

/**
 * Keys the formatter writes itself; a structured field with one of these names, or with the
 * name of a scope field (Railtracks' `session_id`…), gets `extra.`.
 */
const RESERVED = new Set(['timestamp', 'level', 'logger', 'message', 'action', 'exception', 'stackInfo']);

/**
 * One JSON object per record, on one line: `timestamp` (RFC 3339, milliseconds, offset),
 * `level`, `logger`, `message`, then the constant `fields`, the scope's fields (Railtracks'
 * `session_id`, `run_id`, `node_id`… on every `RT` record, `null` outside a run), the `action`,
 * the record's structured fields (from `extra()` or a bound logger), `exception` (type,
 * message, stack, cause chain; for a record from another process, its traceback text as
 * `stack`) and `stackInfo`. Whatever was logged, the result is one valid line: hostile
 * values become stand-ins (see SafeJson), a message whose `%` arguments do not fit is written
 * as given with a `messageError`. `redact` hides secrets by key or path.
 * @example
 * const h = new FileHandler('logs/run.jsonl');
 * h.setFormatter(new JsonFormatter({ redact: ['password', 'headers.authorization'] }));
 * getRtLogger('api').addHandler(h);
 * getRtLogger('api').info('login', extra({ user: 'ada', password: 'hunter2' }));
 * // {"timestamp":"2026-11-21T14:09:37.370+01:00","level":"INFO","logger":"RT.api","message":"login","user":"ada","password":"[Redacted]"}
 */
export class JsonFormatter extends Formatter {
  readonly json: SafeJson;
  readonly #constantFields: string;
  /** Text of frozen field objects (a bound logger's), or null for one that cannot be cached. */
  readonly #fieldsText = new WeakMap<object, string | null>();
  readonly #scopeText = new WeakMap<object, string>();
  #second = NaN;
  #prefix = '';
  #suffix = '';
  // The line up to the logger name, kept for the last record's millisecond, level and logger:
  // a busy logger writes many lines per millisecond, and they all start the same way.
  #head = '';
  #headCreated = NaN;
  #headMsecs = NaN;
  #headLevel: unknown = undefined;
  #headName: unknown = undefined;

  constructor(options: JsonFormatterOptions = {}) {
    super('%(message)s', undefined, '%', true, { utc: options.utc ?? false });
    this.json = new SafeJson(options);
    let constant = '';
    for (const [key, value] of Object.entries(options.fields ?? {})) constant += this.json.field(key, value);
    this.#constantFields = constant;
  }

  override format(record: LogRecord): string {
    const json = this.json;
    let line = this.#header(record);
    line += this.#message(record);
    line += this.#constantFields;
    const scope = record.scope;
    if (scope !== undefined) line += this.#scopeFields(scope.fields);
    if (record.action !== undefined) line += json.field('action', record.action);
    line += this.#extra(record.extra);
    if (record.exc_info != null) line += json.field('exception', record.exc_info);
    else if (typeof record.exc_text === 'string' && record.exc_text !== '') {
      // A record from another process (a Python worker) carries its traceback as text only.
      line += json.field('exception', { stack: record.exc_text });
    }
    if (typeof record.stack_info === 'string' && record.stack_info !== '') line += json.field('stackInfo', record.stack_info);
    return line + '}';
  }

  /** A scope's fields are frozen and shared by all its records, so their text is built once. */
  #scopeFields(fields: Readonly<Record<string, unknown>>): string {
    let text = this.#scopeText.get(fields);
    if (text === undefined) {
      text = '';
      for (const key in fields) text += this.json.field(key, fields[key]);
      if (Object.isFrozen(fields) && fixedPrimitives(fields)) this.#scopeText.set(fields, text);
    }
    return text;
  }

  #header(record: LogRecord): string {
    const { created, msecs, levelname, name } = record;
    if (created !== this.#headCreated || msecs !== this.#headMsecs || levelname !== this.#headLevel || name !== this.#headName) {
      this.#head = `{"timestamp":"${this.timestamp(record)}","level":${jsonString(String(levelname))},"logger":${jsonString(String(name))}`;
      this.#headCreated = created;
      this.#headMsecs = msecs;
      this.#headLevel = levelname;
      this.#headName = name;
    }
    return this.#head;
  }

  #message(record: LogRecord): string {
    try {
      const message = record.getMessage();
      record.message = message;
      return `,"message":${this.json.stringify(message)}`;
    } catch (err) {
      // Python would drop the record with a logging error; a line with the raw parts keeps it.
      return `,"message":${this.json.stringify(record.msg)}${this.json.field('messageError', describeThrown(err))}${this.json.field('args', record.args)}`;
    }
  }

  #extra(fields: Record<string, unknown> | undefined): string {
    if (fields === undefined) return '';
    // A bound logger shares one frozen fields object across its records: its text is the same
    // every time, so it is built once (pino's "serialise bindings once"). isFrozen comes first
    // because it is the cheap answer for the usual per-call object; a Proxy is never cached.
    if (!isFrozenSafely(fields) || types.isProxy(fields)) return this.#fieldsOf(fields);
    const cached = this.#fieldsText.get(fields);
    if (typeof cached === 'string') return cached;
    const text = this.#fieldsOf(fields);
    if (cached === undefined) this.#fieldsText.set(fields, fixedPrimitives(fields) ? text : null);
    return text;
  }

  #fieldsOf(fields: Record<string, unknown>): string {
    let out = '';
    try {
      for (const key of Object.keys(fields)) {
        let value: unknown;
        try {
          value = fields[key];
        } catch (err) {
          value = `[Throws: ${describeThrown(err)}]`;
        }
        out += this.json.field(RESERVED.has(key) || isScopeFieldName(key) ? `extra.${key}` : key, value);
      }
    } catch (err) {
      out += this.json.field('extraError', describeThrown(err));
    }
    return out;
  }

  /**
   * `2026-11-21T14:09:37.370+01:00` (or `…Z` with `utc`). The part up to the seconds and the
   * offset are computed once per second; only the milliseconds change between records.
   */
  timestamp(record: LogRecord): string {
    const second = Math.floor(record.created);
    if (second !== this.#second) this.#computeSecond(second);
    const ms = Math.floor(record.msecs);
    return this.#prefix + (ms < 10 ? `00${ms}` : ms < 100 ? `0${ms}` : String(ms)) + this.#suffix;
  }

  #computeSecond(second: number): void {
    const d = new Date(second * 1000);
    const utc = this.utc;
    const date = utc
      ? [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()]
      : [d.getFullYear(), d.getMonth() + 1, d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds()];
    const [y, mo, da, h, mi, s] = date.map((n, i) => String(n).padStart(i === 0 ? 4 : 2, '0'));
    this.#prefix = `${y}-${mo}-${da}T${h}:${mi}:${s}.`;
    if (utc) {
      this.#suffix = 'Z';
    } else {
      const offset = -d.getTimezoneOffset();
      const abs = Math.abs(offset);
      this.#suffix = `${offset < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
    }
    this.#second = second;
  }
}
