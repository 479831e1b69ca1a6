import { compilePercent } from './percent.js';
import { pyStr, pyRepr } from './pyrepr.js';
import type { LogRecord } from './record.js';

/** Python's three Formatter styles: `%(name)s`, `{name}`, `$name`. */
export type FormatStyle = '%' | '{' | '$';

/** A compiled format: renders a record (and Formatter defaults) into text. */
export type RenderRecord = (record: LogRecord, defaults: Readonly<Record<string, unknown>> | undefined) => string;

/** Python's error when a field named in the format is neither on the record nor in defaults. */
export class FieldNotFoundError extends Error {
  constructor(field: string) {
    super(`Formatting field not found in record: '${field}'`);
    this.name = 'ValueError';
  }
}

function lookup(record: LogRecord, key: string, defaults: Readonly<Record<string, unknown>> | undefined): unknown {
  const value = record.field(key);
  if (value !== undefined) return value;
  if (defaults !== undefined && Object.hasOwn(defaults, key)) return defaults[key];
  if (key in record || (record.extra !== undefined && Object.hasOwn(record.extra, key))) return value;
  throw new FieldNotFoundError(key);
}

// `%(key)` + flags, width, precision, conversion: the same grammar Python validates with.
const PERCENT_FIELD = /%\((\w+)\)([#0+ -]*(?:\*|\d+)?(?:\.(?:\*|\d+))?[diouxefgcrsa%])/gi;

type Segment = (record: LogRecord, defaults: Readonly<Record<string, unknown>> | undefined) => string;

/** Turn one `%(key)spec` into a renderer, with fast paths for the `s` fields every layout uses. */
function percentField(key: string, spec: string): Segment {
  const plain = /^(-?)(\d*)s$/.exec(spec);
  if (plain !== null) {
    const left = plain[1] === '-';
    const width = plain[2] === '' ? 0 : Number(plain[2]);
    return (record, defaults) => {
      const value = lookup(record, key, defaults);
      const text = typeof value === 'string' ? value : pyStr(value);
      if (text.length >= width) return text;
      return left ? text.padEnd(width) : text.padStart(width);
    };
  }
  const render = compilePercent('%' + spec);
  return (record, defaults) => render([lookup(record, key, defaults)]);
}

function compilePercentStyle(fmt: string): RenderRecord {
  const segments: Segment[] = [];
  let last = 0;
  for (const m of fmt.matchAll(PERCENT_FIELD)) {
    const literal = fmt.slice(last, m.index).replace(/%%/g, '%');
    if (literal.length > 0) segments.push(() => literal);
    segments.push(percentField(m[1]!, m[2]!));
    last = m.index + m[0].length;
  }
  const tail = fmt.slice(last).replace(/%%/g, '%');
  if (tail.length > 0) segments.push(() => tail);
  if (segments.length === 1) return segments[0]!;
  return (record, defaults) => {
    let out = '';
    for (let i = 0; i < segments.length; i++) out += segments[i]!(record, defaults);
    return out;
  };
}

function compileDollarStyle(fmt: string): RenderRecord {
  const parts: Array<string | { key: string }> = [];
  const pattern = /\$(?:(\$)|([_a-z][_a-z0-9]*)|\{([_a-z][_a-z0-9]*)\}|())/gi;
  let last = 0;
  for (const m of fmt.matchAll(pattern)) {
    parts.push(fmt.slice(last, m.index));
    if (m[1] !== undefined) parts.push('$');
    else if (m[2] !== undefined || m[3] !== undefined) parts.push({ key: (m[2] ?? m[3])! });
    else throw new ValueErrorLike(`Invalid placeholder in string: line 1, col ${m.index + 1}`);
    last = m.index + m[0].length;
  }
  parts.push(fmt.slice(last));
  return (record, defaults) => {
    let out = '';
    for (const part of parts) out += typeof part === 'string' ? part : pyStr(lookup(record, part.key, defaults));
    return out;
  };
}

// `{field!conv:spec}`; attribute and index access are not supported in field names.
const BRACE_FIELD = /\{\{|\}\}|\{(\w+)(?:!([rsa]))?(?::([^{}]*))?\}/g;

function compileBraceStyle(fmt: string): RenderRecord {
  const parts: Array<string | { key: string; conv: string | undefined; spec: string }> = [];
  let last = 0;
  for (const m of fmt.matchAll(BRACE_FIELD)) {
    parts.push(fmt.slice(last, m.index));
    if (m[0] === '{{') parts.push('{');
    else if (m[0] === '}}') parts.push('}');
    else parts.push({ key: m[1]!, conv: m[2], spec: m[3] ?? '' });
    last = m.index + m[0].length;
  }
  parts.push(fmt.slice(last));
  return (record, defaults) => {
    let out = '';
    for (const part of parts) {
      if (typeof part === 'string') {
        out += part;
        continue;
      }
      let value = lookup(record, part.key, defaults);
      if (part.conv === 'r' || part.conv === 'a') value = pyRepr(value);
      else if (part.conv === 's') value = pyStr(value);
      out += formatBraceSpec(value, part.spec);
    }
    return out;
  };
}

/** The subset of Python's format-spec mini-language log layouts use: fill, align, sign, width, precision, type. */
function formatBraceSpec(value: unknown, spec: string): string {
  if (spec === '') return typeof value === 'string' ? value : pyStr(value);
  const m = /^(?:(.)?([<>=^]))?([+\- ]?)(#?)(0?)(\d*)([,_]?)(?:\.(\d+))?([bcdeEfFgGnosxX%]?)$/s.exec(spec);
  if (m === null) throw new ValueErrorLike(`Invalid format specifier '${spec}'`);
  const [, fillGiven, alignGiven, sign, alt, zero, widthText, , precision, type] = m;
  let body: string;
  if (type !== '' && type !== 's' && typeof value !== 'string') {
    body = compilePercent(`%${sign}${alt}${precision !== undefined ? '.' + precision : ''}${type === 'n' ? 'd' : type === '%' ? 'f' : type}`)(
      [type === '%' ? Number(value) * 100 : value],
    ) + (type === '%' ? '%' : '');
  } else {
    body = typeof value === 'string' ? value : pyStr(value);
    if (precision !== undefined) body = body.slice(0, Number(precision));
  }
  const width = widthText === '' ? 0 : Number(widthText);
  if (body.length >= width) return body;
  const numeric = typeof value === 'number' || typeof value === 'bigint';
  const fill = fillGiven ?? (zero === '0' && alignGiven === undefined ? '0' : ' ');
  const align = alignGiven ?? (zero === '0' ? '=' : numeric ? '>' : '<');
  const gap = width - body.length;
  if (align === '<') return body + fill.repeat(gap);
  if (align === '>') return fill.repeat(gap) + body;
  if (align === '^') return fill.repeat(gap >> 1) + body + fill.repeat(gap - (gap >> 1));
  const signChar = /^[+\- ]/.test(body) ? body[0]! : '';
  return signChar + fill.repeat(gap) + body.slice(signChar.length);
}

/** Python raises ValueError for bad formats; ours carries that name so reports read the same. */
export class ValueErrorLike extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ValueError';
  }
}

/**
 * Check a format the way Python's `Formatter(validate=True)` does and compile it once.
 * @example compileStyle('%(levelname)-8s %(message)s', '%')
 */
export function compileStyle(fmt: string, style: FormatStyle, validate: boolean): RenderRecord {
  if (validate) validateFormat(fmt, style);
  if (style === '%') return compilePercentStyle(fmt);
  if (style === '{') return compileBraceStyle(fmt);
  return compileDollarStyle(fmt);
}

function validateFormat(fmt: string, style: FormatStyle): void {
  const valid =
    style === '%' ? new RegExp(PERCENT_FIELD.source, 'i').test(fmt)
    : style === '{' ? /\{\w+(?:![rsa])?(?::[^{}]*)?\}/.test(fmt.replace(/\{\{|\}\}/g, ''))
    : /\$(?:[_a-z][_a-z0-9]*|\{[_a-z][_a-z0-9]*\})/i.test(fmt.replace(/\$\$/g, ''));
  if (!valid) throw new ValueErrorLike(`Invalid format '${fmt}' for '${style}' style`);
}

/** Whether a format reads `asctime`, so the Formatter only formats time when needed. */
export function formatUsesTime(fmt: string, style: FormatStyle): boolean {
  if (style === '%') return fmt.includes('%(asctime)');
  if (style === '{') return /\{asctime[!:}]/.test(fmt);
  return fmt.includes('$asctime') || fmt.includes('${asctime}');
}
