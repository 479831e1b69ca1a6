/**
 * The three Formatter styles of Python's `logging` (`%`, `{`, `$`): validation worded as
 * Python raises it, and a renderer compiled once per layout. Field lookup follows Python's
 * `defaults | record.__dict__`: the record's own fields win, defaults fill the gaps.
 */
import { parseBrace, renderBrace, type ParsedBraceField } from '../python/format-brace.js';
import { formatSpec } from '../python/format-spec.js';
import { PythonError } from '../python/errors.js';
import { F_LJUST, formatPercentField, parsePercent, percentFormat, STAR, type PercentField } from '../python/percent.js';
import { floatRepr, pyStr, stringRepr } from '../python/repr.js';
import { fieldSizeProblem, MAX_FIELD_WIDTH } from '../python/format-limits.js';
import { FLOAT_RECORD_FIELDS, RECORD_ATTRIBUTES, type LogRecord } from './record.js';

/** Python's three Formatter styles: `%(name)s`, `{name}`, `$name`. */
export type FormatStyle = '%' | '{' | '$';

/** A compiled format: renders a record (and Formatter defaults) into text. */
export type RenderRecord = (record: LogRecord, defaults: Readonly<Record<string, unknown>> | undefined) => string;

/** Python raises ValueError for bad formats; ours carries that name so reports read the same. */
export class ValueErrorLike extends PythonError {
  constructor(message: string) {
    super('ValueError', message);
  }
}

/** Python's error when a field named in the format is neither on the record nor in defaults. */
export class FieldNotFoundError extends ValueErrorLike {
  constructor(keyText: string) {
    super(`Formatting field not found in record: ${keyText}`);
  }
}

const isFloatField = (key: string) => FLOAT_RECORD_FIELDS.has(key);

function lookup(record: LogRecord, key: string, defaults: Readonly<Record<string, unknown>> | undefined): unknown {
  const value = record.field(key);
  if (value !== undefined) return value;
  if (defaults !== undefined && Object.hasOwn(defaults, key)) return defaults[key];
  if (record.hasField(key)) return value;
  throw new FieldNotFoundError(stringRepr(key));
}

/** Turn Python KeyErrors raised inside rendering into the Formatter's ValueError. */
function keyErrorsAsMissingFields(render: RenderRecord): RenderRecord {
  return (record, defaults) => {
    try {
      return render(record, defaults);
    } catch (err) {
      if (err instanceof PythonError && err.pyType === 'KeyError') throw new FieldNotFoundError(err.message);
      throw err;
    }
  };
}

/** Every field the record has, for the rare layouts that need the whole `__dict__`. */
function recordDict(record: LogRecord, defaults: Readonly<Record<string, unknown>> | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = { ...defaults };
  for (const key of RECORD_ATTRIBUTES) out[key] = (record as unknown as Record<string, unknown>)[key];
  if (record.message !== undefined) out.message = record.message;
  if (record.asctime !== undefined) out.asctime = record.asctime;
  Object.assign(out, record.extra);
  if (record.scope !== undefined) Object.assign(out, record.scope.fields);
  return out;
}

type Segment = (record: LogRecord, defaults: Readonly<Record<string, unknown>> | undefined) => string;

/** Python counts code points; a surrogate pair is one character. */
function codePointLength(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length; i++) if ((text.charCodeAt(i) & 0xfc00) === 0xdc00) n--;
  return n;
}

/** `%(key)s` / `%(key)-12s`: what nearly every layout is made of, rendered without the general path. */
function plainTextSegment(key: string, width: number, left: boolean): Segment {
  return (record, defaults) => {
    const value = lookup(record, key, defaults);
    const text = typeof value === 'string' ? value : typeof value === 'number' && FLOAT_RECORD_FIELDS.has(key) ? floatRepr(value) : pyStr(value);
    if (text.length >= width) return text;
    const pad = width - codePointLength(text);
    return pad <= 0 ? text : left ? text.padEnd(text.length + pad) : text.padStart(text.length + pad);
  };
}

function percentSegment(field: PercentField & { key: string }): Segment {
  const key = field.key;
  if (field.conversion === 's' && (field.flags & ~F_LJUST) === 0 && field.precision < 0 && field.width <= MAX_FIELD_WIDTH) {
    return plainTextSegment(key, Math.max(field.width, 0), (field.flags & F_LJUST) !== 0);
  }
  const isFloat = FLOAT_RECORD_FIELDS.has(key);
  const conv = field.conversion;
  return (record, defaults) => {
    let value = lookup(record, key, defaults);
    if (isFloat && typeof value === 'number') {
      if (conv === 's' || conv === 'r' || conv === 'a') value = floatRepr(value);
      else if (conv === 'x' || conv === 'X' || conv === 'o') throw new PythonError('TypeError', `%${conv} format: an integer is required, not float`);
      else if (conv === 'c') throw new PythonError('TypeError', '%c requires int or char');
    }
    return formatPercentField(field, value);
  };
}

function compilePercentStyle(fmt: string): RenderRecord {
  const parsed = parsePercent(fmt);
  const keyed = parsed.every((s) => typeof s === 'string' || (s.key !== undefined && s.width !== STAR && s.precision !== STAR));
  if (!keyed) {
    // `%s` or `*` widths against the record mapping: let the full `%` machinery decide.
    return keyErrorsAsMissingFields((record, defaults) => percentFormat(fmt, recordDict(record, defaults)));
  }
  const segments: Segment[] = parsed.map((s) => (typeof s === 'string' ? () => s : percentSegment(s as PercentField & { key: string })));
  if (segments.length === 1) return keyErrorsAsMissingFields(segments[0]!);
  return keyErrorsAsMissingFields((record, defaults) => {
    let out = '';
    for (let i = 0; i < segments.length; i++) out += segments[i]!(record, defaults);
    return out;
  });
}

// string.Template's pattern: `$$`, `$name`, `${name}`, or a lone `$` (invalid).
const TEMPLATE = /\$(?:(\$)|([_a-z][_a-z0-9]*)|\{([_a-z][_a-z0-9]*)\}|())/gi;
const LINE_BREAK = /\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]/g;

/** Template's "line L, col C" for an invalid `$` at `index`. */
function placeholderPosition(fmt: string, index: number): string {
  const head = fmt.slice(0, index + 1);
  let line = 1;
  let lineStart = 0;
  for (const m of head.matchAll(LINE_BREAK)) {
    line++;
    lineStart = m.index + m[0].length;
  }
  return `line ${line}, col ${index + 1 - lineStart}`;
}

function compileDollarStyle(fmt: string): RenderRecord {
  const parts: Array<string | { key: string } | { error: string }> = [];
  let last = 0;
  for (const m of fmt.matchAll(TEMPLATE)) {
    parts.push(fmt.slice(last, m.index));
    last = m.index + m[0].length;
    if (m[1] !== undefined) parts.push('$');
    else if (m[2] !== undefined || m[3] !== undefined) parts.push({ key: (m[2] ?? m[3])! });
    else {
      parts.push({ error: `Invalid placeholder in string: ${placeholderPosition(fmt, m.index)}` });
      break;
    }
  }
  if (last <= fmt.length && !parts.some((p) => typeof p === 'object' && 'error' in p)) parts.push(fmt.slice(last));
  return (record, defaults) => {
    let out = '';
    for (const part of parts) {
      if (typeof part === 'string') out += part;
      else if ('error' in part) throw new ValueErrorLike(part.error);
      else {
        const value = lookup(record, part.key, defaults);
        out += typeof value === 'number' && isFloatField(part.key) ? floatRepr(value) : pyStr(value);
      }
    }
    return out;
  };
}

function compileBraceStyle(fmt: string): RenderRecord {
  const segments = parseBrace(fmt);
  return keyErrorsAsMissingFields((record, defaults) =>
    renderBrace(segments, (key) => lookup(record, key, defaults), isFloatField));
}

/**
 * Check a format the way Python's `Formatter(validate=True)` does and compile it once.
 * @example compileStyle('%(levelname)-8s %(message)s', '%', true)
 */
export function compileStyle(fmt: string, style: FormatStyle, validate: boolean): RenderRecord {
  if (validate) validateFormat(fmt, style);
  if (style === '%') return compilePercentStyle(fmt);
  if (style === '{') return compileBraceStyle(fmt);
  return compileDollarStyle(fmt);
}

// Python's own validation patterns (logging/__init__.py), with `\w` widened to Unicode as in `re`.
const W = String.raw`[\p{L}\p{N}\p{Mn}\p{Mc}\p{Pc}]`;
const PERCENT_VALID = new RegExp(String.raw`%\(${W}+\)[#0+ -]*(\*|\d+)?(\.(\*|\d+))?[diouxefgcrsa%]`, 'iu');
const BRACE_FIELD_VALID = new RegExp(String.raw`^(\d+|${W}+)(\.${W}+|\[[^\]]+\])*$`, 'u');
const BRACE_SPEC_VALID = new RegExp(String.raw`^(.?[<>=^])?[+ -]?#?0?(\d+|\{${W}+\})?[,_]?(\.(\d+|\{${W}+\}))?[bcdefgnosx%]?\n?$`, 'iu');

/** Width, precision and type of a literal format spec (a nested `{field}` is checked when rendered). */
const SPEC_SIZES = /^(?:.?[<>=^])?[+ -]?z?#?0?(\d*)[,_]?(?:\.(\d+))?([a-zA-Z%]?)$/su;

/**
 * A layout that passed Python's checks but asks for a field past our bounds
 * (lib/python/format-limits.ts) is refused when it is built, so a config file names the problem
 * at start-up instead of every record failing later.
 */
function refuseOversized(fmt: string, problem: string | undefined): void {
  if (problem !== undefined) throw new ValueErrorLike(`${problem} in format ${stringRepr(fmt)}`);
}

function validateFormat(fmt: string, style: FormatStyle): void {
  if (style === '%') {
    if (!PERCENT_VALID.test(fmt)) throw new ValueErrorLike(`Invalid format '${fmt}' for '%' style`);
    for (const seg of parsePercent(fmt)) {
      if (typeof seg === 'string') continue;
      refuseOversized(fmt, fieldSizeProblem(seg.width, seg.precision, !'sra'.includes(seg.conversion)));
    }
    return;
  }
  if (style === '{') {
    const fields: ParsedBraceField[] = [];
    const parsed = parseBrace(fmt, 2, fields);
    const problem = parsed.find((s) => typeof s === 'object' && 'error' in s) as { error: string } | undefined;
    let named = 0;
    for (const f of fields) {
      if (f.name !== '') {
        if (!BRACE_FIELD_VALID.test(f.name)) throw new ValueErrorLike(`invalid format: invalid field name/expression: ${stringRepr(f.name)}`);
        named++;
      }
      if (f.conversion !== undefined && !'rsa'.includes(f.conversion)) {
        throw new ValueErrorLike(`invalid format: invalid conversion: ${stringRepr(f.conversion)}`);
      }
      if (f.spec !== '' && !BRACE_SPEC_VALID.test(f.spec)) throw new ValueErrorLike(`invalid format: bad specifier: ${stringRepr(f.spec)}`);
      const sizes = SPEC_SIZES.exec(f.spec);
      if (sizes !== null) {
        const numeric = sizes[3] !== '' && sizes[3] !== 's';
        refuseOversized(fmt, fieldSizeProblem(sizes[1] ? Number(sizes[1]) : -1, sizes[2] ? Number(sizes[2]) : -1, numeric));
      }
    }
    if (problem !== undefined) throw new ValueErrorLike(`invalid format: ${problem.error}`);
    if (named === 0) throw new ValueErrorLike('invalid format: no fields');
    return;
  }
  let named = 0;
  for (const m of fmt.matchAll(TEMPLATE)) {
    if (m[2] !== undefined || m[3] !== undefined) named++;
    else if (m[4] !== undefined) throw new ValueErrorLike("invalid format: bare '$' not allowed");
  }
  if (named === 0) throw new ValueErrorLike('invalid format: no fields');
}

/** Whether a format reads `asctime` (Python's `usesTime`), so time is only formatted when needed. */
export function formatUsesTime(fmt: string, style: FormatStyle): boolean {
  if (style === '%') return fmt.includes('%(asctime)');
  if (style === '{') return fmt.includes('{asctime');
  return fmt.includes('$asctime') || fmt.includes('${asctime}');
}

export { formatSpec };
