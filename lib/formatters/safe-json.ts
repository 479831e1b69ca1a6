/**
 * Turns any JavaScript value into JSON text without ever throwing: the value walker behind
 * JsonFormatter. Plain data comes out as `JSON.stringify` would write it; everything that
 * makes `JSON.stringify` throw or lie is written as a readable stand-in instead:
 * cycles (`"[Circular]"`), BigInt (its digits, as a string), symbols and functions (their
 * description), NaN/Infinity (as strings), errors (type, message, stack, cause chain, own
 * fields), Maps and Sets (as object and array), nesting past `maxDepth` (`"[Object]"`),
 * getters, `toJSON` or Proxy traps that throw (`"[Throws: message]"`). Strings keep lone
 * surrogates as `\udXXX` escapes, so every line is valid UTF-8 JSON.
 */

export interface SafeJsonOptions {
  /** Objects nested deeper than this are written as `"[Object]"` / `"[Array]"`. Default 32. */
  maxDepth?: number;
  /** Longer strings are cut to this many UTF-16 units plus `…`. Default: no limit. */
  maxStringLength?: number;
  /**
   * Keys or dotted paths whose values are replaced by `censor`. A bare key (`password`)
   * matches at any depth; a path (`headers.authorization`, `user.*.token`) matches from the
   * top of the written object, `*` standing for any one key. Matching ignores case.
   */
  redact?: readonly string[];
  /** What a redacted value becomes. Default `"[Redacted]"`. */
  censor?: string;
}

import { emptyItems, isHole, walkAfterHole } from '../python/array-holes.js';
import { describeThrown, jsonString } from './json-text.js';
import { isPlainData, type PlainDataLimits } from './plain-data.js';

export { describeThrown, jsonString };

/** Partially matched redaction paths: the segments still to match below the current key. */
type PathStates = readonly (readonly string[])[];
const NO_STATES: PathStates = [];

/** A top-level key's `,"key":` text and whether it is redacted (true) or the paths below it. */
interface FieldKey {
  readonly prefix: string;
  readonly states: true | PathStates;
}
const FIELD_KEYS_KEPT = 256;

/**
 * A compiled serialiser. Build one per formatter (options are parsed once) and reuse it.
 * @example
 * const json = new SafeJson({ redact: ['password'] });
 * const loop: Record<string, unknown> = { n: 1n }; loop.self = loop;
 * json.stringify(loop) // '{"n":"1","self":"[Circular]"}'
 */
export class SafeJson {
  readonly maxDepth: number;
  readonly maxStringLength: number;
  readonly censor: string;
  readonly #redactKeys: ReadonlySet<string>;
  readonly #rootPaths: PathStates;
  readonly #redacting: boolean;
  readonly #censorJson: string;
  readonly #plainLimits: PlainDataLimits;
  readonly #fieldKeys = new Map<string, FieldKey>();
  #seen = new Set<object>();

  constructor(options: SafeJsonOptions = {}) {
    this.maxDepth = options.maxDepth ?? 32;
    this.maxStringLength = options.maxStringLength ?? Infinity;
    if (!Number.isInteger(this.maxDepth) || this.maxDepth < 1) {
      throw new RangeError(`maxDepth must be a positive integer, got ${String(options.maxDepth)}`);
    }
    if (!(this.maxStringLength > 0)) {
      throw new RangeError(`maxStringLength must be a positive number, got ${String(options.maxStringLength)}`);
    }
    this.censor = options.censor ?? '[Redacted]';
    this.#censorJson = jsonString(this.censor);
    const keys = new Set<string>();
    const paths: string[][] = [];
    for (const entry of options.redact ?? []) {
      if (typeof entry !== 'string' || entry === '' || entry.split('.').includes('')) {
        throw new TypeError(`redact entries must be keys or dotted paths like "headers.authorization", got ${JSON.stringify(String(entry))}`);
      }
      const segments = entry.toLowerCase().split('.');
      if (segments.length === 1) keys.add(segments[0]!);
      else paths.push(segments);
    }
    this.#redactKeys = keys;
    this.#rootPaths = paths;
    this.#redacting = keys.size > 0 || paths.length > 0;
    this.#plainLimits = { maxDepth: this.maxDepth, maxStringLength: this.maxStringLength, redactKeys: keys };
  }

  /** JSON text for `value` (`undefined` becomes `null`). Never throws. */
  stringify(value: unknown): string {
    return this.#fast(value, NO_STATES) ?? this.value(value, 0, NO_STATES) ?? 'null';
  }

  /**
   * `,"key":value` for one top-level field of a line, with redaction applied from the top;
   * `''` when the value is `undefined` (omitted, as JSON.stringify omits it).
   */
  field(key: string, value: unknown): string {
    const known = this.#fieldKeys.get(key) ?? this.#learnKey(key);
    if (known.states === true) return known.prefix + this.#censorJson;
    const text = this.#fast(value, known.states) ?? this.value(value, 0, known.states);
    return text === undefined ? '' : known.prefix + text;
  }

  /**
   * What a top-level key always turns into: its `,"key":` text and its redaction. Lines repeat
   * the same few keys, so this is kept for the first FIELD_KEYS_KEPT keys seen.
   */
  #learnKey(key: string): FieldKey {
    const known: FieldKey = {
      prefix: `,${jsonString(key)}:`,
      states: this.#redacting ? this.#matchKey(key, this.#rootPaths) : NO_STATES,
    };
    if (this.#fieldKeys.size < FIELD_KEYS_KEPT) this.#fieldKeys.set(key, known);
    return known;
  }

  /**
   * The engine's `JSON.stringify` for an object or array of plain data (same text as the
   * walker, about twice as fast on a nested object); `undefined` to take the walker. Only
   * tried at the top: a value that fails the check is walked whole, so no subtree is checked
   * twice. Redaction paths that continue below this key always take the walker.
   */
  #fast(value: unknown, states: PathStates): string | undefined {
    if (typeof value !== 'object' || value === null || states.length > 0) return undefined;
    if (!isPlainData(value, this.#plainLimits)) return undefined;
    try {
      return JSON.stringify(value);
    } catch (err) {
      // Data that passed the check only throws here when a getter answered differently the
      // second time (or threw): a stand-in, since walking it would run that getter a third time.
      return jsonString(`[Throws: ${describeThrown(err)}]`);
    }
  }

  /** Whether `key` is redacted here (true), else the path states that continue below it. */
  #matchKey(key: string, states: PathStates): true | PathStates {
    const lower = key.toLowerCase();
    if (this.#redactKeys.has(lower)) return true;
    let next: string[][] | undefined;
    for (const segments of states) {
      const head = segments[0];
      if (head !== '*' && head !== lower) continue;
      if (segments.length === 1) return true;
      (next ??= []).push(segments.slice(1));
    }
    return next ?? NO_STATES;
  }

  /** JSON text for any value; `undefined` for what an object omits. */
  value(v: unknown, depth: number, states: PathStates): string | undefined {
    switch (typeof v) {
      case 'string':
        return jsonString(v.length > this.maxStringLength ? `${v.slice(0, this.maxStringLength)}…` : v);
      case 'number':
        return Number.isFinite(v) ? String(v) : `"${String(v)}"`;
      case 'boolean':
        return v ? 'true' : 'false';
      case 'bigint':
        return `"${v.toString()}"`;
      case 'undefined':
        return undefined;
      case 'symbol':
        return jsonString(v.toString());
      case 'function':
        return this.#function(v);
      default:
        return v === null ? 'null' : this.#object(v as object, depth, states);
    }
  }

  #function(fn: unknown): string {
    try {
      const name = (fn as { name?: unknown }).name;
      return jsonString(`[Function: ${typeof name === 'string' && name !== '' ? name : 'anonymous'}]`);
    } catch {
      return '"[Function]"';
    }
  }

  #object(obj: object, depth: number, states: PathStates): string {
    const seen = this.#seen;
    if (seen.has(obj)) return '"[Circular]"';
    try {
      if (depth >= this.maxDepth) return Array.isArray(obj) ? '"[Array]"' : '"[Object]"';
      seen.add(obj);
      try {
        return this.#objectBody(obj, depth + 1, states);
      } finally {
        // Only ancestors count as cycles: the same object twice side by side is written twice.
        seen.delete(obj);
      }
    } catch (err) {
      // A revoked Proxy, a throwing ownKeys trap, a stack overflow in a toJSON…
      return jsonString(`[Unserializable: ${describeThrown(err)}]`);
    }
  }

  #objectBody(obj: object, depth: number, states: PathStates): string {
    if (Array.isArray(obj)) return this.#array(obj, depth, states);
    if (obj instanceof Error) return this.#error(obj, depth, states);
    const toJSON = (obj as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === 'function') {
      let replaced: unknown;
      try {
        replaced = toJSON.call(obj);
      } catch (err) {
        return jsonString(`[Throws: ${describeThrown(err)}]`);
      }
      if (replaced !== obj) return this.value(replaced, depth, states) ?? 'null';
    }
    if (obj instanceof Map) return this.#entries(obj.entries(), depth, states);
    if (obj instanceof Set) return this.#array([...obj], depth, states);
    if (obj instanceof RegExp) return jsonString(String(obj));
    return this.#entries(ownEntries(obj), depth, states);
  }

  #array(items: readonly unknown[], depth: number, states: PathStates): string {
    const byPath = this.#redacting && states.length > 0;
    let out = '[';
    for (let i = 0; i < items.length; i++) {
      // A redaction path may censor an index unread, so there a hole is found with `in` alone.
      const item = byPath ? undefined : readSafely(items, i);
      if (byPath ? !(i in items) : isHole(items, i, item)) return this.#sparseTail(items, i, out, depth, states) + ']';
      if (i > 0) out += ',';
      out += byPath ? this.#elementByPath(items, i, depth, states) : (this.value(item, depth, NO_STATES) ?? 'null');
    }
    return out + ']';
  }

  #elementByPath(items: readonly unknown[], i: number, depth: number, states: PathStates): string {
    const match = this.#matchKey(String(i), states);
    return (match === true ? this.#censorJson : this.value(readSafely(items, i), depth, match)) ?? 'null';
  }

  /** From the first hole on: elements by their own keys, each run of holes as one stand-in. */
  #sparseTail(items: readonly unknown[], from: number, head: string, depth: number, states: PathStates): string {
    const byPath = this.#redacting && states.length > 0;
    let out = head;
    let first = from === 0;
    const item = (text: string) => {
      out += (first ? '' : ',') + text;
      first = false;
    };
    walkAfterHole(items, from,
      (i) => item(byPath ? this.#elementByPath(items, i, depth, states) : (this.value(readSafely(items, i), depth, NO_STATES) ?? 'null')),
      (count) => item(`"[${emptyItems(count)}]"`));
    return out;
  }

  #entries(entries: Iterable<[unknown, unknown]>, depth: number, states: PathStates): string {
    let out = '{';
    let first = true;
    for (const [rawKey, rawValue] of entries) {
      const key = typeof rawKey === 'string' ? rawKey : this.#keyText(rawKey);
      let text: string | undefined;
      if (this.#redacting) {
        const match = this.#matchKey(key, states);
        text = match === true ? this.#censorJson : this.value(rawValue, depth, match);
      } else {
        text = this.value(rawValue, depth, NO_STATES);
      }
      if (text === undefined) continue;
      out += `${first ? '' : ','}${jsonString(key)}:${text}`;
      first = false;
    }
    return out + '}';
  }

  #keyText(key: unknown): string {
    if (typeof key === 'number' || typeof key === 'bigint' || typeof key === 'boolean') return String(key);
    const text = this.value(key, this.maxDepth - 1, NO_STATES) ?? 'undefined';
    return text.startsWith('"') ? (JSON.parse(text) as string) : text;
  }

  #error(err: Error, depth: number, states: PathStates): string {
    const entries: [string, unknown][] = [
      ['type', readSafely(err, 'name')],
      ['message', readSafely(err, 'message')],
      ['stack', readSafely(err, 'stack')],
    ];
    for (const [key, value] of ownEntries(err)) {
      if (key !== 'name' && key !== 'message' && key !== 'stack') entries.push([key, value]);
    }
    // `cause` and AggregateError's `errors` are usually non-enumerable; the chain matters most.
    if ('cause' in err && !Object.prototype.propertyIsEnumerable.call(err, 'cause')) entries.push(['cause', readSafely(err, 'cause')]);
    if (err instanceof AggregateError && !Object.prototype.propertyIsEnumerable.call(err, 'errors')) {
      entries.push(['errors', readSafely(err, 'errors')]);
    }
    return this.#entries(entries, depth, states);
  }
}

/** Own enumerable string-keyed entries, each value read so that a throwing getter is contained. */
function ownEntries(obj: object): [string, unknown][] {
  const keys = Object.keys(obj);
  const entries: [string, unknown][] = new Array(keys.length);
  for (let i = 0; i < keys.length; i++) entries[i] = [keys[i]!, readSafely(obj, keys[i]!)];
  return entries;
}

/** `obj[key]`, or a `[Throws: …]` marker when the getter or Proxy trap throws. */
function readSafely(obj: object, key: string | number): unknown {
  try {
    return (obj as Record<string | number, unknown>)[key];
  } catch (err) {
    return `[Throws: ${describeThrown(err)}]`;
  }
}
