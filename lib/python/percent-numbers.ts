/**
 * Numeric conversions of Python `%` formatting (`%d %x %o %f %e %g` and friends), bit for bit
 * as CPython renders them.
 */
import { PythonError } from './errors.js';
import { pyTypeName } from './repr.js';

/** Conversion flags, as parsed from `%#0- +`. */
export const F_LJUST = 1;
export const F_SIGN = 2;
export const F_BLANK = 4;
export const F_ALT = 8;
export const F_ZERO = 16;

const ZEROS = '0'.repeat(64);
const SPACES = ' '.repeat(64);

/**
 * `n` copies of `fill` (a one-character string), without allocating for short runs.
 *
 * @example
 * padding(' ', 3); // '   '
 */
export function padding(fill: string, n: number): string {
  if (n <= 0) return '';
  if (n <= 64) return (fill === '0' ? ZEROS : fill === ' ' ? SPACES : fill.repeat(64)).slice(0, n);
  return fill.repeat(n);
}

/**
 * Pads a rendered number the way CPython does: the sign (and with `#`, the `0x`/`0o` prefix)
 * stays in front of zero padding; `+`/space flags add a sign when the text has none.
 *
 * @example
 * padNumeric('-ff', F_ZERO, 6, false); // '-000ff'
 */
export function padNumeric(text: string, flags: number, width: number, altPrefix: boolean): string {
  let sign = '';
  let p = 0;
  const c0 = text.charCodeAt(0);
  if (c0 === 0x2d || c0 === 0x2b) {
    sign = text[0]!;
    p = 1;
  } else if (flags & F_SIGN) sign = '+';
  else if (flags & F_BLANK) sign = ' ';
  if (sign === '' && !altPrefix && width <= text.length) return text;
  let prefix = '';
  if (altPrefix) {
    prefix = text.slice(p, p + 2);
    p += 2;
  }
  const body = p === 0 ? text : text.slice(p);
  const pad = width - sign.length - prefix.length - body.length;
  if (pad <= 0) return sign + prefix + body;
  if (flags & F_LJUST) return sign + prefix + body + padding(' ', pad);
  if (flags & F_ZERO) return sign + prefix + padding('0', pad) + body;
  return padding(' ', pad) + sign + prefix + body;
}

/**
 * Coerces a value for `%d %i %u %x %X %o` like CPython: ints and bools pass, floats are
 * truncated for `%d` only, anything else is a TypeError with Python's wording.
 *
 * @example
 * toPyInt(2.9, 'd'); // 2
 */
export function toPyInt(value: unknown, conv: string): number | bigint {
  if (typeof value === 'number') {
    if (Number.isSafeInteger(value)) return value;
    if (conv === 'd' || conv === 'i' || conv === 'u') {
      if (value !== value) throw new PythonError('ValueError', 'cannot convert float NaN to integer');
      if (value === Infinity || value === -Infinity) {
        throw new PythonError('OverflowError', 'cannot convert float infinity to integer');
      }
      return Math.trunc(value);
    }
    throw new PythonError('TypeError', `%${conv} format: an integer is required, not float`);
  }
  if (typeof value === 'bigint') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  const kind = conv === 'd' || conv === 'i' || conv === 'u' ? 'a real number' : 'an integer';
  throw new PythonError('TypeError', `%${conv} format: ${kind} is required, not ${pyTypeName(value)}`);
}

/**
 * Renders an integer for `%d %x %o` with precision (minimum digits) and the `#` prefix;
 * padding to width is left to {@link padNumeric}.
 *
 * @example
 * formatInteger(255, 'X', -1, F_ALT); // '0XFF'
 */
export function formatInteger(n: number | bigint, conv: string, prec: number, flags: number): string {
  const radix = conv === 'x' || conv === 'X' ? 16 : conv === 'o' ? 8 : 10;
  const negative = n < 0;
  let digits: string;
  if (typeof n === 'number') {
    const a = negative ? -n : n;
    digits = a <= Number.MAX_SAFE_INTEGER ? a.toString(radix) : BigInt(a).toString(radix);
  } else digits = (negative ? -n : n).toString(radix);
  if (prec > digits.length) digits = padding('0', prec - digits.length) + digits;
  if (flags & F_ALT && radix !== 10) digits = (radix === 16 ? '0x' : '0o') + digits;
  if (conv === 'X') digits = digits.toUpperCase();
  return negative ? '-' + digits : digits;
}

/**
 * Coerces a value for `%f %e %g` like CPython's `float()` of a real number.
 *
 * @example
 * toPyFloat(true); // 1
 */
export function toPyFloat(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'bigint') {
    const x = Number(value);
    if (x === Infinity || x === -Infinity) {
      throw new PythonError('OverflowError', 'int too large to convert to float');
    }
    return x;
  }
  throw new PythonError('TypeError', `must be real number, not ${pyTypeName(value)}`);
}

/**
 * Renders a float for `%f %F %e %E %g %G` (precision defaults to 6 when negative), with
 * round-half-even on exact ties as CPython does; a leading `-` for negative values and `-0`.
 *
 * @example
 * formatFloat(0.5, 'f', 0, 0);    // '0'
 * formatFloat(1.125, 'e', 2, 0);  // '1.12e+00'
 */
export function formatFloat(x: number, conv: string, prec: number, flags: number): string {
  const upper = conv === 'F' || conv === 'E' || conv === 'G';
  if (x !== x) return upper ? 'NAN' : 'nan';
  const negative = x < 0 || Object.is(x, -0);
  if (x === Infinity || x === -Infinity) return (negative ? '-' : '') + (upper ? 'INF' : 'inf');
  const a = negative ? -x : x;
  if (prec < 0) prec = 6;
  const alt = (flags & F_ALT) !== 0;
  let body: string;
  if (conv === 'f' || conv === 'F') {
    body = fixed(a, prec);
    if (alt && prec === 0) body += '.';
  } else if (conv === 'e' || conv === 'E') {
    const [digits, exp] = significant(a, prec + 1);
    body = exponent(digits, exp, alt || prec > 0, conv === 'E');
  } else {
    const p = prec === 0 ? 1 : prec;
    const [digits, exp] = significant(a, p);
    body = general(digits, exp, p, alt, upper);
  }
  return negative ? '-' + body : body;
}

function general(digits: string, exp: number, p: number, alt: boolean, upper: boolean): string {
  if (exp < -4 || exp >= p) {
    const mantissa = alt ? digits : trimZeros(digits, 1);
    return exponent(mantissa, exp, alt || mantissa.length > 1, upper);
  }
  let text: string;
  if (exp >= 0) text = digits.slice(0, exp + 1) + '.' + digits.slice(exp + 1);
  else text = '0.' + padding('0', -exp - 1) + digits;
  if (alt) return text;
  let end = text.length;
  while (text.charCodeAt(end - 1) === 0x30) end--;
  if (text.charCodeAt(end - 1) === 0x2e) end--;
  return text.slice(0, end);
}

function trimZeros(digits: string, keep: number): string {
  let end = digits.length;
  while (end > keep && digits.charCodeAt(end - 1) === 0x30) end--;
  return digits.slice(0, end);
}

function exponent(digits: string, exp: number, point: boolean, upper: boolean): string {
  const mant = point ? digits[0] + '.' + digits.slice(1) : digits;
  const a = exp < 0 ? -exp : exp;
  return mant + (upper ? 'E' : 'e') + (exp < 0 ? '-' : '+') + (a < 10 ? '0' + a : String(a));
}

/** Fixed notation with `prec` decimals of a finite `a >= 0`. */
function fixed(a: number, prec: number): string {
  if (prec > 100 || a >= 1e21) return exactFixed(a, prec);
  const text = a.toFixed(prec);
  // toFixed is exact except that it rounds exact ties away from zero; Python rounds them to even.
  return isTie(a, prec) ? evenLastDigit(text) : text;
}

/** The first `n` significant digits of a finite `a >= 0`, correctly rounded, and the exponent. */
function significant(a: number, n: number): [string, number] {
  if (a === 0) return [padding('0', n), 0];
  if (n > 101) return exactSignificant(a, n);
  const text = a.toExponential(n - 1);
  const ePos = text.indexOf('e', 1);
  const exp = Number(text.slice(ePos + 1));
  let digits = n === 1 ? text.slice(0, ePos) : text[0] + text.slice(2, ePos);
  // A tie that carried into a new decade is never detected here, and rounding up was right.
  if (isTie(a, n - 1 - exp)) digits = evenLastDigit(digits);
  return [digits, exp];
}

/**
 * True when `a * 10**q` lies exactly halfway between two integers, i.e. `2 * a * 10**q` is an
 * odd integer. Scaling by a power of two is exact in binary floating point, so this is cheap.
 */
function isTie(a: number, q: number): boolean {
  const k = a * 2 ** (q + 1);
  if (!Number.isInteger(k) || k % 2 !== 1) return false;
  if (q >= 0) return true;
  // 2·a·10^q = k / 5^-q; an odd k below 2^53 can only be a multiple of 5^-q when that is exact.
  return -q <= 22 && k % 5 ** -q === 0;
}

/** At a tie the text was rounded up to n+1; if that is odd, n is the even neighbour. */
function evenLastDigit(text: string): string {
  const last = text.charCodeAt(text.length - 1);
  if ((last & 1) === 0) return text;
  return text.slice(0, -1) + String.fromCharCode(last - 1);
}

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Splits a finite `a >= 0` into integers `m, k` with `a = m * 2**k` exactly. */
function decompose(a: number): [bigint, number] {
  f64[0] = a;
  const hi = u32[LITTLE_ENDIAN ? 1 : 0]!;
  const lo = u32[LITTLE_ENDIAN ? 0 : 1]!;
  const bits = (hi >>> 20) & 0x7ff;
  const m = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  return bits === 0 ? [m, -1074] : [m | (1n << 52n), bits - 1075];
}

/** round_half_even(a * 10**t) for a finite `a >= 0`, exactly, with BigInt arithmetic. */
function roundScaled(a: number, t: number): bigint {
  const [m, k] = decompose(a);
  let num = m;
  let den = 1n;
  if (k >= 0) num <<= BigInt(k);
  else den <<= BigInt(-k);
  if (t >= 0) num *= 10n ** BigInt(t);
  else den *= 10n ** BigInt(-t);
  const q = num / den;
  const twice = (num - q * den) * 2n;
  return twice > den || (twice === den && (q & 1n) === 1n) ? q + 1n : q;
}

function exactFixed(a: number, prec: number): string {
  const digits = roundScaled(a, prec).toString();
  if (prec === 0) return digits;
  const padded = digits.length <= prec ? padding('0', prec + 1 - digits.length) + digits : digits;
  return padded.slice(0, -prec) + '.' + padded.slice(-prec);
}

function exactSignificant(a: number, n: number): [string, number] {
  // The shortest repr's exponent is at most one off the true one (9.999…e22 prints as 1e+23).
  let exp = Number(a.toExponential().split('e')[1]);
  const low = 10n ** BigInt(n - 1);
  for (;;) {
    const q = roundScaled(a, n - 1 - exp);
    if (q < low) exp--;
    else if (q >= low * 10n) exp++;
    else return [q.toString(), exp];
  }
}
