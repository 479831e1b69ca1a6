/**
 * Python's format-spec mini-language (`format(value, spec)`, the part after `:` in `{field:spec}`)
 * for JavaScript values, with CPython's output and error wording. JS values map to Python types
 * as in pyrepr.ts; a number that stands for a Python float although it is integer-valued (a
 * record's `created`, `msecs`, `relativeCreated`) is flagged by the caller with `asFloat`.
 */
import { F_ALT, formatFloat, formatInteger, padding } from './percent-numbers.js';
import { floatRepr, pyStr, pyTypeName } from './repr.js';
import { fieldSizeProblem } from './format-limits.js';
import { PythonError, type PythonErrorType } from './errors.js';


type Align = '<' | '>' | '=' | '^';

/** One parsed spec; every field is optional as in CPython's `InternalFormatSpec`. */
interface ParsedSpec {
  fill: string | undefined;
  align: Align | undefined;
  sign: '' | '+' | '-' | ' ';
  noNegZero: boolean;
  alternate: boolean;
  width: number;
  grouping: '' | ',' | '_';
  precision: number;
  type: string;
}

const valueError = (message: string) => new PythonError('ValueError', message);

function readNumber(spec: string, at: number): [number, number] {
  let end = at;
  while (end < spec.length && spec.charCodeAt(end) >= 48 && spec.charCodeAt(end) <= 57) end++;
  if (end === at) return [-1, at];
  if (end - at > 18) throw valueError('Too many decimal digits in format string');
  return [Number(spec.slice(at, end)), end];
}

const isAlign = (c: string | undefined): c is Align => c === '<' || c === '>' || c === '=' || c === '^';

/** CPython's `parse_internal_render_format_spec`; `defaultAlign` is '>' for numbers, '<' for str. */
function parseSpec(spec: string, typeName: string, defaultType: string, defaultAlign: Align): ParsedSpec {
  const cps = [...spec];
  // Fill may be any code point; work on code points so an astral fill counts as one character.
  const p: ParsedSpec = { fill: undefined, align: undefined, sign: '', noNegZero: false, alternate: false, width: -1, grouping: '', precision: -1, type: defaultType };
  let i = 0;
  if (cps.length >= 2 && isAlign(cps[1])) {
    p.fill = cps[0];
    p.align = cps[1];
    i = 2;
  } else if (isAlign(cps[0])) {
    p.align = cps[0];
    i = 1;
  }
  const rest = cps.slice(i).join('');
  let j = 0;
  const c = () => rest[j];
  if (c() === '+' || c() === '-' || c() === ' ') p.sign = rest[j++] as '+' | '-' | ' ';
  if (c() === 'z') { p.noNegZero = true; j++; }
  if (c() === '#') { p.alternate = true; j++; }
  if (c() === '0' && p.fill === undefined) {
    p.fill = '0';
    if (p.align === undefined && defaultAlign === '>') p.align = '=';
    j++;
  }
  [p.width, j] = readNumber(rest, j);
  if (c() === ',') { p.grouping = ','; j++; }
  if (c() === '_') {
    if (p.grouping !== '') throw valueError("Cannot specify both ',' and '_'.");
    p.grouping = '_';
    j++;
  }
  if (c() === ',') throw valueError("Cannot specify both ',' and '_'.");
  if (c() === '.') {
    j++;
    [p.precision, j] = readNumber(rest, j);
    if (p.precision < 0) throw valueError('Format specifier missing precision');
  }
  const tooBig = fieldSizeProblem(p.width, p.precision, typeName !== 'str');
  if (tooBig !== undefined) throw valueError(tooBig);
  const left = [...rest.slice(j)];
  if (left.length > 1) throw valueError(`Invalid format specifier '${spec}' for object of type '${typeName}'`);
  if (left.length === 1) p.type = left[0]!;
  if (p.grouping !== '') {
    const ok = 'defgEG%F'.includes(p.type) || p.type === '' || (p.grouping === '_' && 'boxX'.includes(p.type));
    if (!ok) throw valueError(`Cannot specify '${p.grouping}' with '${p.type}'.`);
  }
  return p;
}

const codePoints = (text: string) => {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff || (text.charCodeAt(i + 1) & 0xfc00) !== 0xdc00) n++;
  }
  return n;
};

function pad(text: string, p: ParsedSpec, align: Align): string {
  const gap = p.width - codePoints(text);
  if (gap <= 0) return text;
  const fill = p.fill ?? ' ';
  if (align === '<') return text + padding(fill, gap);
  if (align === '>') return padding(fill, gap) + text;
  const before = gap >> 1;
  return padding(fill, before) + text + padding(fill, gap - before);
}

function formatString(value: string, spec: string, typeName: string): string {
  const p = parseSpec(spec, typeName, 's', '<');
  if (p.type !== 's') throw valueError(`Unknown format code '${p.type}' for object of type '${typeName}'`);
  if (p.sign !== '') throw valueError('Sign not allowed in string format specifier');
  if (p.noNegZero) throw valueError('Negative zero coercion (z) not allowed in string format specifier');
  if (p.alternate) throw valueError('Alternate form (#) not allowed in string format specifier');
  if (p.align === '=') throw valueError("'=' alignment not allowed in string format specifier");
  let text = value;
  if (p.precision >= 0) text = [...text].slice(0, p.precision).join('');
  return pad(text, p, p.align ?? '<');
}

/** Insert the grouping separator every `every` digits from the right. */
function group(digits: string, sep: string, every: number): string {
  if (sep === '' || digits.length <= every) return digits;
  let out = '';
  let i = digits.length;
  for (; i > every; i -= every) out = sep + digits.slice(i - every, i) + out;
  return digits.slice(0, i) + out;
}

/**
 * Lay out a number: sign, radix prefix, grouped integer digits, the rest (`.5`, `e+01`, `%`),
 * then fill. With `=` alignment and a `0` fill, the zero padding is grouped too, as CPython does.
 */
function layoutNumber(negative: boolean, prefix: string, digits: string, rest: string, p: ParsedSpec, every: number): string {
  const sign = negative ? '-' : p.sign === '+' ? '+' : p.sign === ' ' ? ' ' : '';
  const align = p.align ?? '>';
  let grouped = group(digits, p.grouping, every);
  if (align === '=' && p.fill === '0' && p.grouping !== '' && /^\d/.test(digits)) {
    const target = p.width - sign.length - prefix.length - codePoints(rest);
    let padded = digits;
    while (grouped.length < target) {
      padded = '0' + padded;
      grouped = group(padded, p.grouping, every);
    }
  }
  if (align === '=') {
    const gap = p.width - sign.length - prefix.length - codePoints(grouped + rest);
    return sign + prefix + padding(p.fill ?? ' ', gap) + grouped + rest;
  }
  return pad(sign + prefix + grouped + rest, p, align);
}

function formatInt(n: number | bigint, spec: string, typeName: string): string {
  const p = parseSpec(spec, typeName, 'd', '>');
  const t = p.type;
  if ('eEfFgG%'.includes(t)) return formatFloatValue(Number(n), p);
  if (!'bcdoxXn'.includes(t)) throw valueError(`Unknown format code '${t}' for object of type '${typeName}'`);
  if (p.precision >= 0) throw valueError('Precision not allowed in integer format specifier');
  if (p.noNegZero) throw valueError('Negative zero coercion (z) not allowed in integer format specifier');
  if (t === 'c') {
    if (p.sign !== '') throw valueError("Sign not allowed with integer format specifier 'c'");
    if (p.alternate) throw valueError("Alternate form (#) not allowed with integer format specifier 'c'");
    const cp = Number(n);
    if (cp < 0 || cp > 0x10ffff) throw new PythonError('OverflowError', '%c arg not in range(0x110000)');
    return pad(String.fromCodePoint(cp), p, p.align === '=' ? '>' : (p.align ?? '>'));
  }
  const negative = n < 0;
  const abs = negative ? -n : n;
  let digits: string;
  let prefix = '';
  if (t === 'b') {
    digits = abs.toString(2);
    if (p.alternate) prefix = '0b';
  } else digits = formatInteger(abs, t === 'n' ? 'd' : t, -1, 0);
  if (p.alternate && (t === 'o' || t === 'x' || t === 'X')) prefix = t === 'o' ? '0o' : t === 'x' ? '0x' : '0X';
  return layoutNumber(negative, prefix, digits, '', p, t === 'd' || t === 'n' ? 3 : 4);
}

/** Float text without sign for the float presentation types, following CPython's choices. */
function floatBody(a: number, p: ParsedSpec): string {
  const t = p.type;
  const alt = p.alternate ? F_ALT : 0;
  if (t === '%') return formatFloat(a * 100, 'f', p.precision, alt) + '%';
  if (t === 'n') return formatFloat(a, 'g', p.precision, alt);
  if (t !== '') return formatFloat(a, t, p.precision, alt);
  if (p.precision < 0) return floatRepr(a);
  // No type with a precision: like 'g', but switch to exponent one digit earlier and keep `.0`.
  const prec = p.precision === 0 ? 1 : p.precision;
  if (!Number.isFinite(a)) return formatFloat(a, 'g', prec, alt);
  const sci = formatFloat(a, 'e', prec - 1, alt);
  const exp = Number(sci.slice(sci.indexOf('e') + 1));
  if (exp < -4 || exp >= prec - 1) {
    const [mant, e] = sci.split('e') as [string, string];
    return (alt ? mant : mant.replace(/\.?0+$/, '')) + 'e' + e;
  }
  let fixed = formatFloat(a, 'f', prec - 1 - exp, alt);
  if (!alt && fixed.includes('.')) fixed = fixed.replace(/0+$/, '').replace(/\.$/, '.0');
  return fixed.includes('.') ? fixed : fixed + '.0';
}

function formatFloatValue(x: number, p: ParsedSpec): string {
  if (p.type !== '' && !'eEfFgGn%'.includes(p.type)) {
    throw valueError(`Unknown format code '${p.type}' for object of type 'float'`);
  }
  let negative = x < 0 || Object.is(x, -0);
  const body = floatBody(negative ? -x : x, p);
  if (negative && p.noNegZero && !/[1-9]/.test(body.replace(/[eE][+-]\d+$/, ''))) negative = false;
  if (x !== x) negative = false;
  const cut = body.search(/[^0-9]/);
  const digits = cut < 0 ? body : body.slice(0, cut);
  const rest = cut < 0 ? '' : body.slice(cut);
  if (!/^\d/.test(body)) return layoutNumber(negative, '', '', body, p, 3);
  return layoutNumber(negative, '', digits, rest, p, 3);
}

/**
 * `format(value, spec)` as Python would run it for the equivalent Python value.
 * @example
 * formatSpec(3.14159, '>8.2f') // '    3.14'
 * formatSpec('INFO', '^10')    // '   INFO   '
 * formatSpec(370, '03.0f', true) // '370'
 */
export function formatSpec(value: unknown, spec: string, asFloat = false): string {
  if (typeof value === 'string') return spec === '' ? value : formatString(value, spec, 'str');
  if (typeof value === 'number') {
    if (Number.isSafeInteger(value) && !asFloat) return spec === '' ? pyStr(value) : formatInt(value, spec, 'int');
    if (spec === '') return floatRepr(value);
    return formatFloatValue(value, parseSpec(spec, 'float', '', '>'));
  }
  if (typeof value === 'bigint') return spec === '' ? value.toString() : formatInt(value, spec, 'int');
  if (typeof value === 'boolean') return spec === '' ? (value ? 'True' : 'False') : formatInt(value ? 1 : 0, spec, 'bool');
  if (spec === '') return pyStr(value);
  throw new PythonError('TypeError', `unsupported format string passed to ${pyTypeName(value)}.__format__`);
}
