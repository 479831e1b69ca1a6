import { types } from 'node:util';
import { isHole } from '../python/array-holes.js';

/**
 * Decides whether `JSON.stringify` would write a value exactly as SafeJson's walker does, so
 * the formatter can hand plain data to the engine's native serialiser (about twice as fast on
 * a nested object) and keep the walker for everything else.
 *
 * Plain data: strings (no longer than the cut), finite numbers, booleans, null, undefined, and
 * arrays and objects of those with the standard prototype (or none), no deeper than the depth
 * limit, no cycles, no holes in arrays. Proxies, `toJSON`, class instances, Map/Set/Error/Date
 * fail the check. It never throws.
 *
 * A getter is read like a data property: the check reads each property once, so a getter runs
 * once here and once more in whichever serialiser writes the value — at most twice per place it
 * is written (the decision taken for round two of the speed work, docs/benchmarks.md). Refusing
 * getters meant asking `__lookupGetter__` for every key, 4 µs of a 3 KB object's 21 µs line.
 * A getter whose value does not change between reads is written exactly as the walker alone
 * would write it; one that changes is written as its second read (SafeJson's fast path turns a
 * serialiser failure into a `[Throws: …]` stand-in rather than reading a third time).
 */
export interface PlainDataLimits {
  /** An object at this depth or deeper is written as `"[Object]"` by the walker. */
  readonly maxDepth: number;
  /** A string longer than this is cut by the walker. */
  readonly maxStringLength: number;
  /** Lower-case keys redacted at any depth; a plain value containing one is not fast-pathed. */
  readonly redactKeys: ReadonlySet<string>;
}

const OBJECT_PROTO = Object.prototype;
const ARRAY_PROTO = Array.prototype;

/**
 * Depth from which the check keeps its list of ancestors to refuse cycles. Above it a cycle is
 * still refused, only later: going round it reaches this depth and is caught within one more
 * turn (or by the depth limit). Tracking every level cost about 1 us on a 3 KB object, one
 * eighth of the check; real log data is rarely nested this deep, and a cyclic value is walked
 * by SafeJson anyway, so being refused a few levels later only costs that value's check.
 */
const CYCLE_CHECK_DEPTH = 8;

/**
 * Whether `value` is plain data under `limits` (see the file comment).
 * @example isPlainData({ a: [1, 'x', null] }, { maxDepth: 32, maxStringLength: Infinity, redactKeys: new Set() }) // true
 */
export function isPlainData(value: unknown, limits: PlainDataLimits): boolean {
  // A toJSON on the shared prototypes would be called by JSON.stringify on every object.
  if ('toJSON' in OBJECT_PROTO || 'toJSON' in ARRAY_PROTO) return false;
  try {
    return plain(value, 0, limits, []);
  } catch {
    return false;
  }
}

/** `ancestors` holds the objects above this one from CYCLE_CHECK_DEPTH down, to refuse cycles. */
function plain(v: unknown, depth: number, limits: PlainDataLimits, ancestors: object[]): boolean {
  switch (typeof v) {
    case 'string':
      return v.length <= limits.maxStringLength;
    case 'number':
      return Number.isFinite(v);
    case 'boolean':
    case 'undefined':
      return true;
    case 'object':
      if (v === null) return true;
      break;
    default:
      return false;
  }
  if (depth >= limits.maxDepth || types.isProxy(v)) return false;
  // Own toJSON, even non-enumerable or on an array: JSON.stringify calls it, the walker may not.
  if (Object.hasOwn(v, 'toJSON')) return false;
  if (depth < CYCLE_CHECK_DEPTH) {
    return Array.isArray(v) ? plainArray(v, depth, limits, ancestors) : plainObject(v, depth, limits, ancestors);
  }
  if (ancestors.includes(v)) return false;
  ancestors.push(v);
  const ok = Array.isArray(v) ? plainArray(v, depth, limits, ancestors) : plainObject(v, depth, limits, ancestors);
  ancestors.pop();
  return ok;
}

function plainArray(items: unknown[], depth: number, limits: PlainDataLimits, ancestors: object[]): boolean {
  if (Object.getPrototypeOf(items) !== ARRAY_PROTO) return false;
  for (let i = 0; i < items.length; i++) {
    // A hole: JSON.stringify would write `null` for each one; the walker writes a count.
    const item = items[i];
    if (isHole(items, i, item) || !plain(item, depth + 1, limits, ancestors)) return false;
  }
  return true;
}

function plainObject(obj: object, depth: number, limits: PlainDataLimits, ancestors: object[]): boolean {
  const proto = Object.getPrototypeOf(obj) as unknown;
  if (proto !== OBJECT_PROTO && proto !== null) return false;
  const redacting = limits.redactKeys.size > 0;
  // for-in rather than Object.keys: no key array per object (measured ~15 % of the check). It
  // also visits enumerable keys someone put on Object.prototype; checking those too can only
  // send a value to the walker, never change what is written.
  for (const key in obj) {
    if (redacting && limits.redactKeys.has(key.toLowerCase())) return false;
    if (!plain((obj as Record<string, unknown>)[key], depth + 1, limits, ancestors)) return false;
  }
  return true;
}
