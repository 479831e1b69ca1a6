/**
 * Python's `str.format(**values)` for `{`-style Formatter layouts: parsed once into segments,
 * rendered per record. Syntax errors in a layout that skipped validation surface when the
 * renderer reaches them, as CPython's lazy parser raises them.
 */
import { formatSpec } from './format-spec.js';
import { PythonError } from './errors.js';
import { isPyMapping, pyAscii, pyRepr, pyStr, pyTypeName, stringRepr } from './repr.js';

/** Looks a top-level field up; throws Python's KeyError text for a missing one. */
export type FieldLookup = (key: string) => unknown;
/** Whether a field holds a Python float although its JS number may be integer-valued. */
export type FloatField = (key: string) => boolean;

interface Accessor { kind: 'attr' | 'index' | 'error'; key: string }

interface BraceField {
  raw: string;
  first: string;
  /** `.attr` and `[key]` steps; an `error` step raises when the renderer reaches it. */
  accessors: Accessor[];
  conversion: string | undefined;
  /** Literal spec, or the spec's own segments when it nests `{fields}`. */
  spec: string | BraceSegment[];
}

/** Literal text, a field, or a syntax error CPython raises when it gets this far. */
export type BraceSegment = string | BraceField | { error: string };

/** One field as `string.Formatter().parse` reports it, for validation. */
export interface ParsedBraceField { name: string; conversion: string | undefined; spec: string }

const MAX_DEPTH = 2;

function splitName(raw: string): Pick<BraceField, 'first' | 'accessors'> {
  const m = /^[^.[]*/.exec(raw)!;
  const first = m[0];
  const accessors: BraceField['accessors'] = [];
  let i = first.length;
  while (i < raw.length) {
    if (raw[i] === '.') {
      const end = raw.slice(i + 1).search(/[.[]/);
      const key = end < 0 ? raw.slice(i + 1) : raw.slice(i + 1, i + 1 + end);
      if (key === '') return { first, accessors: [...accessors, { kind: 'error', key: 'Empty attribute in format string' }] };
      accessors.push({ kind: 'attr', key });
      i += 1 + key.length;
    } else if (raw[i] === '[') {
      const close = raw.indexOf(']', i);
      if (close < 0) return { first, accessors: [...accessors, { kind: 'error', key: "Missing ']' in format string" }] };
      const key = raw.slice(i + 1, close);
      if (key === '') return { first, accessors: [...accessors, { kind: 'error', key: 'Empty attribute in format string' }] };
      accessors.push({ kind: 'index', key });
      i = close + 1;
    } else return { first, accessors: [...accessors, { kind: 'error', key: "Only '.' or '[' may follow ']' in format field specifier" }] };
  }
  return { first, accessors };
}

/**
 * Parse a `{` layout into segments, with CPython's error for the first syntax problem placed
 * where the lazy parser would hit it.
 * @example parseBrace('{levelname:<8} {message}').length // 3
 */
export function parseBrace(fmt: string, depth = MAX_DEPTH, fields?: ParsedBraceField[]): BraceSegment[] {
  const out: BraceSegment[] = [];
  let literal = '';
  let i = 0;
  const fail = (error: string) => {
    if (literal !== '') out.push(literal);
    out.push({ error });
    return out;
  };
  while (i < fmt.length) {
    const c = fmt[i]!;
    if (c === '}') {
      if (fmt[i + 1] !== '}') return fail("Single '}' encountered in format string");
      literal += '}';
      i += 2;
      continue;
    }
    if (c !== '{') {
      literal += c;
      i++;
      continue;
    }
    if (i + 1 >= fmt.length) return fail("Single '{' encountered in format string");
    if (fmt[i + 1] === '{') {
      literal += '{';
      i += 2;
      continue;
    }
    // Find the end of the field: brackets shield the name; braces nest inside the spec.
    let j = i + 1;
    let inBracket = false;
    let afterName = false;
    let count = 1;
    for (; j < fmt.length; j++) {
      const d = fmt[j];
      if (!afterName && inBracket) {
        if (d === ']') inBracket = false;
        continue;
      }
      if (!afterName && d === '[') inBracket = true;
      else if (!afterName && (d === ':' || d === '!')) afterName = true;
      else if (d === '{') count++;
      else if (d === '}' && --count === 0) break;
    }
    if (j >= fmt.length) {
      if (fmt.endsWith('!') && afterName && !fmt.slice(i + 1, -1).match(/[!:]/)) {
        return fail('end of string while looking for conversion specifier');
      }
      return fail(afterName ? "unmatched '{' in format spec" : "expected '}' before end of string");
    }
    const body = fmt.slice(i + 1, j);
    i = j + 1;
    const nameEnd = body.search(/[!:]/);
    let raw = body;
    let rest = '';
    if (nameEnd >= 0 && !body.slice(0, nameEnd).includes('[')) {
      raw = body.slice(0, nameEnd);
      rest = body.slice(nameEnd);
    } else if (nameEnd >= 0) {
      const close = body.indexOf(']');
      const after = body.slice(close + 1).search(/[!:]/);
      if (after >= 0) {
        raw = body.slice(0, close + 1 + after);
        rest = body.slice(close + 1 + after);
      }
    }
    let conversion: string | undefined;
    let spec = '';
    if (rest.startsWith('!')) {
      if (rest.length < 2) return fail('end of string while looking for conversion specifier');
      conversion = rest[1];
      if (rest.length > 2 && rest[2] !== ':') return fail("expected ':' after conversion specifier");
      spec = rest.slice(3);
    } else if (rest.startsWith(':')) spec = rest.slice(1);
    fields?.push({ name: raw, conversion, spec });
    if (literal !== '') out.push(literal);
    literal = '';
    const name = splitName(raw);
    let nested: string | BraceSegment[] = spec;
    if (spec.includes('{') || spec.includes('}')) {
      nested = depth <= 1 ? [{ error: 'Max string recursion exceeded' }] : parseBrace(spec, depth - 1);
    }
    out.push({ raw, ...name, conversion, spec: nested });
  }
  if (literal !== '') out.push(literal);
  return out;
}

function access(value: unknown, step: Accessor): unknown {
  const { kind, key } = step;
  if (kind === 'error') throw new PythonError('ValueError', key);
  if (kind === 'index') {
    const numeric = /^\d+$/.test(key);
    if (Array.isArray(value) || typeof value === 'string') {
      if (!numeric) {
        const what = typeof value === 'string' ? 'string indices must be integers' : 'list indices must be integers or slices';
        throw new PythonError('TypeError', `${what}, not 'str'`);
      }
      const n = Number(key);
      if (n >= value.length) throw new PythonError('IndexError', `${pyTypeName(value) === 'str' ? 'string' : pyTypeName(value)} index out of range`);
      return typeof value === 'string' ? [...value][n] : value[n];
    }
    const k: string | number = numeric ? Number(key) : key;
    if (value instanceof Map) {
      if (value.has(k)) return value.get(k);
    } else if (value !== null && typeof value === 'object' && Object.hasOwn(value, String(k))) {
      return (value as Record<string, unknown>)[String(k)];
    } else if (value === null || typeof value !== 'object') {
      throw new PythonError('TypeError', `'${pyTypeName(value)}' object is not subscriptable`);
    }
    throw new PythonError('KeyError', typeof k === 'number' ? String(k) : stringRepr(k));
  }
  // Dicts, lists and primitives have no such attributes in Python; class instances do.
  if (value !== null && typeof value === 'object' && !isPyMapping(value) && !Array.isArray(value) && key in value) {
    return (value as Record<string, unknown>)[key];
  }
  throw new PythonError('AttributeError', `'${pyTypeName(value)}' object has no attribute ${stringRepr(key)}`);
}

/**
 * Render parsed segments against a record's fields.
 * @example renderBrace(parseBrace('{a:>4}'), (k) => ({ a: 'x' })[k], () => false) // '   x'
 */
export function renderBrace(segments: readonly BraceSegment[], lookup: FieldLookup, isFloat: FloatField): string {
  let out = '';
  for (let s = 0; s < segments.length; s++) {
    const seg = segments[s]!;
    if (typeof seg === 'string') {
      out += seg;
      continue;
    }
    if ('error' in seg) throw new PythonError('ValueError', seg.error);
    if (seg.first === '' || /^\d+$/.test(seg.first)) {
      throw new PythonError('IndexError', `Replacement index ${seg.first === '' ? 0 : Number(seg.first)} out of range for positional args tuple`);
    }
    let value = lookup(seg.first);
    for (const step of seg.accessors) value = access(value, step);
    const asFloat = seg.accessors.length === 0 && typeof value === 'number' && isFloat(seg.first);
    const spec = typeof seg.spec === 'string' ? seg.spec : renderBrace(seg.spec, lookup, isFloat);
    if (seg.conversion !== undefined) {
      if (seg.conversion === 's') value = asFloat ? formatSpec(value, '', true) : pyStr(value);
      else if (seg.conversion === 'r') value = asFloat ? formatSpec(value, '', true) : pyRepr(value);
      else if (seg.conversion === 'a') value = asFloat ? formatSpec(value, '', true) : pyAscii(value);
      else throw new PythonError('ValueError', `Unknown conversion specifier ${seg.conversion}`);
      out += formatSpec(value, spec);
    } else out += formatSpec(value, spec, asFloat);
  }
  return out;
}
