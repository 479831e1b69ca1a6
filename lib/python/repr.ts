/**
 * Python `str()`, `repr()` and `ascii()` of JavaScript values, so that log messages built from
 * JS data read exactly like the ones a Python service prints for the equivalent Python data.
 *
 * The value mapping (one source of truth, also used by `%` formatting):
 * null/undefined → None, booleans → True/False, safe integers (|n| < 2^53) and bigints → int,
 * every other number → float (beyond 2^53 a JS number is no longer an exact integer: `1e16` →
 * `1e+16`), strings → str, arrays → list, plain objects and Maps → dict, Sets → set,
 * Uint8Array/Buffer → bytes; a run of array holes reads `<3 empty items>`. Nothing in this
 * module throws.
 */
import { isPlainObject } from './plain-object.js';
import { emptyItems, isHole, walkAfterHole } from './array-holes.js';

/** Non-printable per Python's `str.isprintable`: categories C* and Z* except the ASCII space. */
const NON_PRINTABLE = /[\p{C}\p{Z}]/u;
const HEX = '0123456789abcdef';

/**
 * Python's type name for a JS value, as it appears in Python error messages
 * (`not str`, `not NoneType`, `not float`).
 *
 * @example
 * pyTypeName(1.5); // 'float'
 * pyTypeName([1]); // 'list'
 */
export function pyTypeName(value: unknown): string {
  switch (typeof value) {
    case 'string': return 'str';
    case 'number': return Number.isSafeInteger(value) ? 'int' : 'float';
    case 'bigint': return 'int';
    case 'boolean': return 'bool';
    case 'undefined': return 'NoneType';
    case 'symbol': return 'symbol';
    case 'function': return 'function';
  }
  if (value === null || typeof value !== 'object') return 'NoneType';
  try {
    if (Array.isArray(value)) return 'list';
    if (value instanceof Map || isPlainObject(value)) return 'dict';
    if (value instanceof Set) return 'set';
    if (value instanceof Uint8Array) return 'bytes';
    return className(value);
  } catch {
    return 'object';
  }
}

/**
 * True for the values `%` formatting treats as a Python mapping: plain objects
 * (prototype `Object.prototype` or null) and Maps.
 *
 * @example
 * isPyMapping({ a: 1 }); // true
 * isPyMapping([1]);      // false
 */
export function isPyMapping(value: unknown): value is Record<string, unknown> | Map<unknown, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  try {
    return value instanceof Map || isPlainObject(value);
  } catch {
    return false;
  }
}

/**
 * Python `str()` of a JS value.
 *
 * @example
 * pyStr(null);           // 'None'
 * pyStr([1, 'a', true]); // "[1, 'a', True]"
 * pyStr(0.1);            // '0.1'
 */
export function pyStr(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null) return guarded(value, true);
  return pyRepr(value);
}

/**
 * Python `repr()` of a JS value.
 *
 * @example
 * pyRepr("it's");          // `"it's"`
 * pyRepr(new Map([[1, 'x']])); // "{1: 'x'}"
 */
export function pyRepr(value: unknown): string {
  switch (typeof value) {
    case 'string': return stringRepr(value);
    case 'number': return numberRepr(value);
    case 'bigint': return value.toString();
    case 'boolean': return value ? 'True' : 'False';
    case 'undefined': return 'None';
    case 'symbol': return value.toString();
    case 'function': return functionRepr(value);
  }
  if (value === null || typeof value !== 'object') return 'None';
  return guarded(value, false);
}

/**
 * Python `ascii()`: `repr()` with every non-ASCII character escaped (the `%a` conversion).
 *
 * @example
 * pyAscii('é'); // "'\\xe9'"
 */
export function pyAscii(value: unknown): string {
  return asciiEscape(pyRepr(value));
}

/**
 * Python `repr()` of a float: shortest round-trip digits, exponent form below 1e-4 and from 1e16.
 *
 * @example
 * floatRepr(1e-5); // '1e-05'
 * floatRepr(3);    // '3.0'
 */
export function floatRepr(x: number): string {
  if (x !== x) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const sign = x < 0 ? '-' : '';
  // toExponential() without an argument yields the shortest round-trip digits.
  const e = Math.abs(x).toExponential();
  const ePos = e.indexOf('e');
  const digits = e[1] === '.' ? e[0]! + e.slice(2, ePos) : e.slice(0, ePos);
  const exp = Number(e.slice(ePos + 1));
  if (exp < -4 || exp >= 16) {
    const mant = digits.length > 1 ? digits[0] + '.' + digits.slice(1) : digits;
    const a = Math.abs(exp);
    return sign + mant + (exp < 0 ? 'e-' : 'e+') + (a < 10 ? '0' + a : String(a));
  }
  if (exp < 0) return sign + '0.' + '0'.repeat(-exp - 1) + digits;
  if (digits.length <= exp + 1) return sign + digits + '0'.repeat(exp + 1 - digits.length) + '.0';
  return sign + digits.slice(0, exp + 1) + '.' + digits.slice(exp + 1);
}

function numberRepr(x: number): string {
  // -0 becomes 0: safe integers stand for Python ints, which have no signed zero.
  if (Number.isSafeInteger(x)) return String(x === 0 ? 0 : x);
  return floatRepr(x);
}

/**
 * Python's quoting of a str: single quotes unless the text has `'` and no `"`.
 *
 * @example
 * stringRepr('a\nb'); // "'a\\nb'"
 */
export function stringRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  const q = quote.charCodeAt(0);
  let out = quote;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let esc: string | undefined;
    if (c >= 0x20 && c < 0x7f) {
      if (c === q || c === 0x5c) esc = '\\' + s[i];
    } else if (c === 0x0a) esc = '\\n';
    else if (c === 0x09) esc = '\\t';
    else if (c === 0x0d) esc = '\\r';
    else if (c < 0x20 || c === 0x7f) esc = '\\x' + HEX[c >> 4] + HEX[c & 15];
    else {
      const cp = s.codePointAt(i)!;
      const width = cp > 0xffff ? 2 : 1;
      if (NON_PRINTABLE.test(String.fromCodePoint(cp))) esc = codePointEscape(cp);
      else if (width === 2) i++;
      if (esc === undefined) continue;
      out += s.slice(start, i) + esc;
      i += width - 1;
      start = i + 1;
      continue;
    }
    if (esc !== undefined) {
      out += s.slice(start, i) + esc;
      start = i + 1;
    }
  }
  return out + s.slice(start) + quote;
}

function codePointEscape(cp: number): string {
  if (cp <= 0xff) return '\\x' + cp.toString(16).padStart(2, '0');
  if (cp <= 0xffff) return '\\u' + cp.toString(16).padStart(4, '0');
  return '\\U' + cp.toString(16).padStart(8, '0');
}

function asciiEscape(s: string): string {
  let out = '';
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) < 0x80) continue;
    const cp = s.codePointAt(i)!;
    out += s.slice(start, i) + codePointEscape(cp);
    if (cp > 0xffff) i++;
    start = i + 1;
  }
  return start === 0 ? s : out + s.slice(start);
}

/**
 * Python repr of bytes: `b'...'` with `\xNN` for everything outside printable ASCII.
 *
 * @example
 * bytesRepr(Uint8Array.of(104, 105, 0)); // "b'hi\\x00'"
 */
export function bytesRepr(b: Uint8Array): string {
  let hasSingle = false;
  let hasDouble = false;
  for (let i = 0; i < b.length; i++) {
    if (b[i] === 0x27) hasSingle = true;
    else if (b[i] === 0x22) hasDouble = true;
  }
  const q = hasSingle && !hasDouble ? 0x22 : 0x27;
  let out = q === 0x22 ? 'b"' : "b'";
  for (let i = 0; i < b.length; i++) {
    const c = b[i]!;
    if (c === q || c === 0x5c) out += '\\' + String.fromCharCode(c);
    else if (c === 0x09) out += '\\t';
    else if (c === 0x0a) out += '\\n';
    else if (c === 0x0d) out += '\\r';
    else if (c < 0x20 || c >= 0x7f) out += '\\x' + HEX[c >> 4] + HEX[c & 15];
    else out += String.fromCharCode(c);
  }
  return out + (q === 0x22 ? '"' : "'");
}

function functionRepr(fn: Function): string {
  try {
    const name = typeof fn.name === 'string' && fn.name !== '' ? fn.name : '<anonymous>';
    if (Function.prototype.toString.call(fn).startsWith('class')) return `<class '${name}'>`;
    return `<function ${name}>`;
  } catch {
    return '<function>';
  }
}

function className(value: object): string {
  try {
    const name = (value as { constructor?: { name?: unknown } }).constructor?.name;
    return typeof name === 'string' && name !== '' ? name : 'object';
  } catch {
    return 'object';
  }
}

/** Containers currently being rendered, so that a cycle prints `[...]` as Python does. */
const active = new Set<object>();

/** Renders an object and turns anything thrown (getter, toString, Proxy trap) into a placeholder. */
function guarded(value: object, asStr: boolean): string {
  try {
    return objectText(value, asStr);
  } catch {
    return `<unprintable ${className(value)} object>`;
  }
}

function objectText(value: object, asStr: boolean): string {
  if (value instanceof Error) {
    const message = typeof value.message === 'string' ? value.message : pyStr(value.message);
    if (asStr) return message;
    const name = typeof value.name === 'string' && value.name !== '' ? value.name : className(value);
    return message === '' ? `${name}()` : `${name}(${stringRepr(message)})`;
  }
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  if (value instanceof Uint8Array) return bytesRepr(value);
  if (active.has(value)) return cycleMarker(value);
  active.add(value);
  try {
    return containerText(value);
  } finally {
    active.delete(value);
  }
}

function cycleMarker(value: object): string {
  if (Array.isArray(value)) return '[...]';
  if (value instanceof Set) return 'set(...)';
  if (value instanceof Map || isPlainObject(value)) return '{...}';
  return `${className(value)}(...)`;
}

function containerText(value: object): string {
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (isHole(value, i, item)) {
        let first = i === 0;
        const add = (text: string) => {
          out += (first ? '' : ', ') + text;
          first = false;
        };
        walkAfterHole(value, i, (at) => add(pyRepr(value[at])), (count) => add(`<${emptyItems(count)}>`));
        break;
      }
      out += (i === 0 ? '' : ', ') + pyRepr(item);
    }
    return out + ']';
  }
  if (value instanceof Map) {
    let out = '{';
    let first = true;
    for (const [k, v] of value) {
      out += (first ? '' : ', ') + pyRepr(k) + ': ' + pyRepr(v);
      first = false;
    }
    return out + '}';
  }
  if (value instanceof Set) {
    if (value.size === 0) return 'set()';
    let out = '{';
    let first = true;
    for (const v of value) {
      out += (first ? '' : ', ') + pyRepr(v);
      first = false;
    }
    return out + '}';
  }
  if (isPlainObject(value)) return fieldsRepr(value);
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    return `${className(value)}(${containerText(Array.from(value as unknown as ArrayLike<unknown>))})`;
  }
  const toString = (value as { toString?: unknown }).toString;
  if (typeof toString === 'function' && toString !== Object.prototype.toString) {
    const text: unknown = toString.call(value);
    if (typeof text === 'string') return text;
  }
  return `${className(value)}(${fieldsRepr(value)})`;
}

function fieldsRepr(value: object): string {
  let out = '{';
  const keys = Object.keys(value);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    out += (i === 0 ? '' : ', ') + stringRepr(k) + ': ' + pyRepr((value as Record<string, unknown>)[k]);
  }
  return out + '}';
}
