/**
 * Python's `fmt % args` for JavaScript: parse a format string once into segments, then render
 * them against a tuple (an array) or a mapping (plain object or Map), with CPython's output and
 * CPython's error messages. Log messages and `%`-style Formatters both run through here.
 */
import { isPyMapping, pyRepr } from './repr.js';
import { F_ALT, F_BLANK, F_LJUST, F_SIGN, F_ZERO } from './percent-numbers.js';
import { PythonError } from './errors.js';
import { STAR, codePointCount, notEnoughArguments, renderValue } from './percent-field.js';
import type { PercentField } from './percent-field.js';

export { F_ALT, F_BLANK, F_LJUST, F_SIGN, F_ZERO } from './percent-numbers.js';
export { STAR, formatPercentField } from './percent-field.js';
export type { PercentField } from './percent-field.js';

/** A parsed format string: literal text (with `%%` already collapsed) and fields, in order. */
export type PercentSegment = string | PercentField;

/** What `%` accepts on its right: an array is a tuple; a plain object or Map is a mapping. */
export type PercentArgs = readonly unknown[] | Record<string, unknown> | Map<unknown, unknown>;

/**
 * Parses a format string into literal and field segments. Never throws: malformed specs become
 * fields that raise CPython's error when rendering reaches them, as Python does.
 *
 * @example
 * parsePercent('%(name)-12s: %(message)s');
 * // [{ key: 'name', flags: F_LJUST, width: 12, conversion: 's', … }, ': ', { key: 'message', … }]
 */
export function parsePercent(fmt: string): PercentSegment[] {
  const segments: PercentSegment[] = [];
  let literal = '';
  let start = 0;
  let i = fmt.indexOf('%');
  while (i !== -1) {
    literal += fmt.slice(start, i);
    if (fmt.charCodeAt(i + 1) === 0x25) {
      literal += '%';
      start = i + 2;
      i = fmt.indexOf('%', start);
      continue;
    }
    if (literal !== '') segments.push(literal);
    literal = '';
    const [field, end] = parseField(fmt, i + 1);
    segments.push(field);
    start = end;
    i = end >= fmt.length ? -1 : fmt.indexOf('%', end);
  }
  literal += fmt.slice(start);
  if (literal !== '') segments.push(literal);
  return segments;
}

function parseField(fmt: string, pos: number): [PercentField, number] {
  const n = fmt.length;
  let key: string | undefined;
  let keyIncomplete = false;
  if (fmt.charCodeAt(pos) === 0x28) {
    let depth = 1;
    const keyStart = ++pos;
    while (pos < n && depth > 0) {
      const c = fmt.charCodeAt(pos++);
      if (c === 0x29) depth--;
      else if (c === 0x28) depth++;
    }
    if (depth > 0) keyIncomplete = true;
    else key = fmt.slice(keyStart, pos - 1);
  }
  let flags = 0;
  let width = -1;
  let precision = -1;
  if (!keyIncomplete) {
    for (; pos < n; pos++) {
      const c = fmt.charCodeAt(pos);
      if (c === 0x2d) flags |= F_LJUST;
      else if (c === 0x2b) flags |= F_SIGN;
      else if (c === 0x20) flags |= F_BLANK;
      else if (c === 0x23) flags |= F_ALT;
      else if (c === 0x30) flags |= F_ZERO;
      else break;
    }
    [width, pos] = parseNumber(fmt, pos);
    if (fmt.charCodeAt(pos) === 0x2e) {
      [precision, pos] = parseNumber(fmt, pos + 1);
      if (precision === -1) precision = 0; // a bare '.' means precision 0
    }
    // CPython accepts and ignores one C length modifier (so `%ld` works but `%lld` does not).
    if (pos < n && (fmt[pos] === 'h' || fmt[pos] === 'l' || fmt[pos] === 'L')) pos++;
  }
  let conversion = '';
  let index = -1;
  if (pos < n && !keyIncomplete) {
    const cp = fmt.codePointAt(pos)!;
    conversion = String.fromCodePoint(cp);
    index = codePointCount(fmt, 0, pos);
    pos += conversion.length;
  }
  const plain = flags === 0 && width === -1 && precision === -1;
  return [{ key, keyIncomplete, flags, width, precision, conversion, index, plain }, keyIncomplete ? n : pos];
}

function parseNumber(fmt: string, pos: number): [number, number] {
  if (fmt.charCodeAt(pos) === 0x2a) return [STAR, pos + 1];
  let value = -1;
  for (let c = fmt.charCodeAt(pos); c >= 0x30 && c <= 0x39; c = fmt.charCodeAt(++pos)) {
    value = (value < 0 ? 0 : value * 10) + (c - 0x30);
  }
  return [value, pos];
}

function starValue(value: unknown): number {
  let n: number;
  if (typeof value === 'number' && Number.isSafeInteger(value)) n = value;
  else if (typeof value === 'bigint') n = Number(value);
  else if (typeof value === 'boolean') n = value ? 1 : 0;
  else throw new PythonError('TypeError', '* wants int');
  if (n > 2147483647 || n < -2147483648) {
    throw new PythonError('OverflowError', 'Python int too large to convert to C int');
  }
  return n;
}

function lookup(mapping: object, key: string): unknown {
  if (mapping instanceof Map) {
    if (mapping.has(key)) return mapping.get(key);
  } else if (Object.hasOwn(mapping, key)) return (mapping as Record<string, unknown>)[key];
  throw new PythonError('KeyError', pyRepr(key));
}

/**
 * Runs parsed segments against arguments with CPython's argument bookkeeping: a tuple is
 * consumed left to right; a mapping (or any other single value) stands for one argument, and
 * each `%(key)` replaces the current argument with the looked-up value.
 */
function render(segments: readonly PercentSegment[], args: unknown): string {
  let current: unknown = args;
  let argLength = -1;
  let argIndex = -2;
  let mapping: object | undefined;
  if (Array.isArray(args)) {
    argLength = args.length;
    argIndex = 0;
  } else if (isPyMapping(args)) mapping = args;
  let out = '';
  for (let s = 0; s < segments.length; s++) {
    const seg = segments[s]!;
    if (typeof seg === 'string') {
      out += seg;
      continue;
    }
    if (seg.key !== undefined || seg.keyIncomplete) {
      if (mapping === undefined) throw new PythonError('TypeError', 'format requires a mapping');
      if (seg.keyIncomplete) throw new PythonError('ValueError', 'incomplete format key');
      current = lookup(mapping, seg.key!);
      argLength = -1;
      argIndex = -2;
    }
    let flags = seg.flags;
    let width = seg.width;
    let precision = seg.precision;
    if (width === STAR) {
      if (argIndex >= argLength) throw notEnoughArguments();
      width = starValue(argLength < 0 ? current : (current as unknown[])[argIndex]);
      argIndex++;
      if (width < 0) {
        width = -width; // a negative `*` width left-justifies, as in C
        flags |= F_LJUST;
      }
    }
    if (precision === STAR) {
      if (argIndex >= argLength) throw notEnoughArguments();
      precision = starValue(argLength < 0 ? current : (current as unknown[])[argIndex]);
      argIndex++;
      if (precision < 0) precision = 0;
    }
    if (seg.conversion === '') throw new PythonError('ValueError', 'incomplete format');
    if (argIndex >= argLength) throw notEnoughArguments();
    const value = argLength < 0 ? current : (current as unknown[])[argIndex];
    argIndex++;
    out += renderValue(seg, flags, value, width, precision);
  }
  if (argIndex < argLength && mapping === undefined) {
    throw new PythonError('TypeError', 'not all arguments converted during string formatting');
  }
  return out;
}

/**
 * Compiles a format string once into a function of the arguments; this is what hot paths keep.
 * A format without `%` compiles to a function that returns it untouched (after CPython's check
 * that no tuple arguments were left unconverted).
 *
 * @example
 * const fmt = compilePercent('user %s did %d things');
 * fmt(['bob', 42]); // 'user bob did 42 things'
 */
export function compilePercent(fmt: string): (args: PercentArgs) => string {
  const segments = parsePercent(fmt);
  if (segments.length === 0 || (segments.length === 1 && typeof segments[0] === 'string')) {
    const text = segments.length === 0 ? '' : (segments[0] as string);
    return (args) => {
      if (Array.isArray(args) && args.length > 0) {
        throw new PythonError('TypeError', 'not all arguments converted during string formatting');
      }
      return text;
    };
  }
  return (args) => render(segments, args);
}

/**
 * Python's `fmt % args`: an array is a tuple, a plain object or Map is a mapping for `%(key)s`.
 * Throws {@link PythonError} with CPython's message when Python would raise.
 *
 * @example
 * percentFormat('%-5s|%05.1f|%x', ['ab', 3.14159, 255]); // 'ab   |003.1|ff'
 * percentFormat('%(user)s', { user: 'bob' });            // 'bob'
 */
export function percentFormat(fmt: string, args: PercentArgs): string {
  if (fmt.indexOf('%') === -1) {
    if (Array.isArray(args) && args.length > 0) {
      throw new PythonError('TypeError', 'not all arguments converted during string formatting');
    }
    return fmt;
  }
  let segments = parsedFormats.get(fmt);
  if (segments === undefined) {
    // Log messages are mostly literals at call sites, so a small cache of parses pays off;
    // dropping it wholesale when full keeps memory bounded when messages are built dynamically.
    if (parsedFormats.size >= PARSE_CACHE_LIMIT) parsedFormats.clear();
    segments = parsePercent(fmt);
    parsedFormats.set(fmt, segments);
  }
  return render(segments, args);
}

const PARSE_CACHE_LIMIT = 512;
const parsedFormats = new Map<string, readonly PercentSegment[]>();
