/**
 * Rendering of one parsed `%` field against one value: the part of Python's `fmt % args` that a
 * `%`-style log Formatter reuses per record field without reparsing its format string.
 */
import { pyAscii, pyRepr, pyStr } from './repr.js';
import { fieldSizeProblem } from './format-limits.js';
import { PythonError } from './errors.js';
import {
  F_ALT, F_LJUST, F_ZERO, formatFloat, formatInteger, padNumeric, padding, toPyFloat, toPyInt,
} from './percent-numbers.js';

/** Width or precision taken from the argument list (`*`). */
export const STAR = -2;

/**
 * One parsed `%` conversion, e.g. `%(name)-12s`. Produced by `parsePercent` in percent.ts; immutable.
 * `width`/`precision` are -1 when absent and {@link STAR} for `*`. `conversion` is the conversion
 * character, or '' when the format string ended inside the spec ("incomplete format").
 */
export interface PercentField {
  readonly key: string | undefined;
  /** The format string ended inside `%(…`: CPython reports it once a mapping is present. */
  readonly keyIncomplete: boolean;
  readonly flags: number;
  readonly width: number;
  readonly precision: number;
  readonly conversion: string;
  /** Index, in code points, of the conversion character (CPython's error messages use it). */
  readonly index: number;
  /** No flags, width or precision: the value renders without any padding work. */
  readonly plain: boolean;
}

/**
 * Number of code points in `s[from, to)`, as Python counts string length.
 *
 * @example
 * codePointCount('a😀', 0, 3); // 2
 */
export function codePointCount(s: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    count++;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < to) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
  }
  return count;
}

/**
 * Renders one parsed field against its value: conversion, precision, flags and width, exactly
 * as CPython renders that spec. This is the building block of a `%`-style log Formatter, which
 * parses its format once with {@link parsePercent} and then calls this per record field:
 * `%(name)-12s` → `formatPercentField(field, record.name)`. A `*` width or precision needs the
 * argument list, so pass them explicitly (`width`, `precision`); left at {@link STAR} they fail
 * as CPython does for `%(key)*s`: "not enough arguments for format string".
 *
 * @example
 * const [field] = parsePercent('%-8s') as [PercentField];
 * formatPercentField(field, 'INFO'); // 'INFO    '
 */
export function formatPercentField(
  field: PercentField, value: unknown, width = field.width, precision = field.precision,
): string {
  if (width === STAR || precision === STAR) throw notEnoughArguments();
  return renderValue(field, field.flags, value, width, precision);
}

/**
 * {@link formatPercentField} with the flags given explicitly (a negative `*` width adds `-`).
 *
 * @example
 * renderValue(field, F_LJUST, 'ab', 4, -1); // 'ab  '
 */
export function renderValue(field: PercentField, flags: number, value: unknown, width: number, precision: number): string {
  const conv = field.conversion;
  if (flags === 0 && width < 0 && precision < 0) {
    // The hot path: `%s` of a string and `%d` of a small integer need no further work.
    if (conv === 's') return typeof value === 'string' ? value : pyStr(value);
    if (conv === 'd' && typeof value === 'number' && Number.isSafeInteger(value)) return String(value === 0 ? 0 : value);
  }
  const tooBig = fieldSizeProblem(width, precision, conv !== 's' && conv !== 'r' && conv !== 'a' && conv !== 'c');
  if (tooBig !== undefined) throw new PythonError('ValueError', tooBig);
  switch (conv) {
    case 's': return padText(typeof value === 'string' ? value : pyStr(value), flags, width, precision);
    case 'r': return padText(pyRepr(value), flags, width, precision);
    case 'a': return padText(pyAscii(value), flags, width, precision);
    case 'd': case 'i': case 'u': case 'x': case 'X': case 'o': {
      const text = formatInteger(toPyInt(value, conv), conv, precision, flags);
      return padNumeric(text, flags & F_LJUST ? flags & ~F_ZERO : flags, width, (flags & F_ALT) !== 0 && conv !== 'd' && conv !== 'i' && conv !== 'u');
    }
    case 'f': case 'F': case 'e': case 'E': case 'g': case 'G': {
      const text = formatFloat(toPyFloat(value), conv, precision, flags);
      return padNumeric(text, flags & F_LJUST ? flags & ~F_ZERO : flags, width, false);
    }
    case 'c': return padText(charOf(value), flags, width, -1);
    case '': throw new PythonError('ValueError', 'incomplete format');
    default: {
      const cp = conv.codePointAt(0)!;
      const shown = cp >= 32 && cp <= 126 ? conv : '?';
      throw new PythonError('ValueError',
        `unsupported format character '${shown}' (0x${cp.toString(16)}) at index ${field.index}`);
    }
  }
}

function charOf(value: unknown): string {
  if (typeof value === 'string') {
    const cp = value.codePointAt(0);
    if (cp !== undefined && value.length === (cp > 0xffff ? 2 : 1)) return value;
  } else if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') {
    if (typeof value !== 'number' || Number.isSafeInteger(value)) {
      const n = Number(value);
      if (n < 0 || n > 0x10ffff) throw new PythonError('OverflowError', '%c arg not in range(0x110000)');
      return String.fromCodePoint(n);
    }
  }
  throw new PythonError('TypeError', '%c requires int or char');
}

/** Precision truncates and width pads, both counted in code points as Python counts them. */
function padText(text: string, flags: number, width: number, precision: number): string {
  if (precision >= 0 && text.length > precision) {
    let end = 0;
    for (let count = 0; count < precision && end < text.length; count++) {
      const c = text.charCodeAt(end);
      end += c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(end + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
    }
    text = text.slice(0, end);
  }
  if (width <= 0 || text.length >= 2 * width) return text;
  const pad = width - codePointCount(text, 0, text.length);
  if (pad <= 0) return text;
  return flags & F_LJUST ? text + padding(' ', pad) : padding(' ', pad) + text;
}

/**
 * CPython's error when the arguments run out.
 *
 * @example
 * throw notEnoughArguments();
 */
export function notEnoughArguments(): PythonError {
  return new PythonError('TypeError', 'not enough arguments for format string');
}

