/**
 * Differential test: a corpus of `%` formats and arguments runs through `percentFormat` and
 * through the machine's real python3 (one process for the whole corpus); every result, and
 * every error type and message, must be identical.
 */
import { beforeAll, expect, test } from '@jest/globals';
import { percentFormat, pyRepr } from '../../lib/python/index.js';
import type { PercentArgs } from '../../lib/python/percent.js';
import { describeWithPython, runPython } from '../support/python.js';

interface Case { group: string; fmt: string; args: PercentArgs }
type Outcome = [string, string];

/** Rebuilds the tagged JSON as Python values and evaluates each `fmt % args`. */
const ORACLE = String.raw`
import sys, json
def dec(v):
    if isinstance(v, list):
        return [dec(e) for e in v]
    if not isinstance(v, dict):
        return v
    (tag, x), = v.items()
    if tag == 'int': return int(x)
    if tag == 'float': return float(x)
    if tag == 'tuple': return tuple(dec(e) for e in x)
    if tag == 'dict': return {dec(k): dec(e) for k, e in x}
    if tag == 'set': return set(dec(e) for e in x)
    if tag == 'bytes': return bytes(x)
    if tag == 'exc':
        cls = type(x[0], (Exception,), {})
        return cls(x[1]) if x[1] != '' else cls()
    raise ValueError(tag)
import unicodedata
data = json.loads(sys.stdin.read())
out = []
for fmt, args in data['cases']:
    try:
        out.append(['ok', fmt % dec(args)])
    except Exception as e:
        out.append([type(e).__name__, str(e)])
chars = [[repr(chr(cp)), unicodedata.category(chr(cp))] for cp in data['codepoints']]
sys.stdout.write(json.dumps({'cases': out, 'codepoints': chars}, ensure_ascii=True))
`;

/** Tags JS values so Python rebuilds the value the JS side means (int vs float, tuple, bytes). */
function encode(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') {
    // design.md: a safe integer is a Python int; every other number (1e16, 0.5) a Python float.
    return Number.isSafeInteger(v) && !Object.is(v, -0) ? { int: String(v) } : { float: Object.is(v, -0) ? '-0.0' : String(v) };
  }
  if (typeof v === 'bigint') return { int: v.toString() };
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (Array.isArray(v)) return v.map(encode);
  if (v instanceof Map) return { dict: [...v].map(([k, e]) => [encode(k), encode(e)]) };
  if (v instanceof Set) return { set: [...v].map(encode) };
  if (v instanceof Uint8Array) return { bytes: [...v] };
  if (v instanceof Error) return { exc: [v.name, v.message] };
  if (typeof v === 'object') return { dict: Object.entries(v).map(([k, e]) => [k, encode(e)]) };
  throw new Error(`cannot encode ${typeof v}`);
}

function encodeArgs(args: PercentArgs): unknown {
  return Array.isArray(args) ? { tuple: args.map(encode) } : encode(args);
}

function jsOutcome(c: Case): Outcome {
  try {
    return ['ok', percentFormat(c.fmt, c.args)];
  } catch (e) {
    const err = e as { pyType?: string; message: string };
    return [err.pyType ?? `JS ${String(e)}`, err.message];
  }
}

/** Deterministic PRNG (mulberry32) so the corpus is the same on every run. */
function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const INTS: unknown[] = [0, 1, -1, 7, 42, -255, 65535, 2 ** 31, -(2 ** 53), 2 ** 64, 12345678901234567890n, -(2n ** 70n), true, false];
const FLOATS: unknown[] = [
  0.5, 1.5, 2.5, -2.5, 0.25, 0.125, 1.125, 0.1, -0.1, 1e-5, 1e-7, 3.14159, 123456.789, 9.5, 99.95, 0.05,
  2.675, 1.5e-300, 5e-324, 1.7976931348623157e308, 6.02214076e23, 1e22, 0.000123456, NaN, Infinity, -Infinity, -0,
];
const TEXTS: unknown[] = [
  '', 'a', 'hello world', "it's", 'say "hi"', `both ' and "`, 'é😀日本', 'tab\tnew\nline\\', '\x00\x1b[31m',
  null, undefined, [1, 'a', null, 2.5], { k: [1, 2.5], 'it\'s': true }, new Map<unknown, unknown>([[1, 'x'], ['y', [null]]]),
  Uint8Array.of(104, 39, 0, 255, 34), new Error('boom'), new TypeError(''), new Set([1, 2, 3]), new Set(), [], {}, 1.5, 42, -7n,
];
const WRONG: unknown[] = ['x', null, [1], { a: 1 }];
const CONVERSIONS = 'srdiufFeEgGxXoca';
const FLAGS = ['', '-', '+', ' ', '#', '0', '-0', '+0', '#0', '-#', '+ ', ' 0', '#-+0'];
const WIDTHS = ['', '1', '8', '25'];
const PRECISIONS = ['', '.', '.0', '.1', '.3', '.12'];

function gridCases(): Case[] {
  const cases: Case[] = [];
  let n = 0;
  for (const conv of CONVERSIONS) {
    const numeric = 'diufFeEgGxXo'.includes(conv);
    const pool = conv === 'c'
      ? [65, 0x1f600, 'x', '😀', 0, 0x10ffff, 'ab', 1.5, -1, 0x110000, true]
      : numeric ? [...INTS, ...FLOATS.filter((x) => !Object.is(x, -0) || 'fFeEgG'.includes(conv)), ...WRONG] : TEXTS;
    for (const flags of FLAGS) for (const width of WIDTHS) for (const prec of PRECISIONS) {
      for (let j = 0; j < 3; j++) {
        const value = pool[(n++ * 7 + j) % pool.length];
        cases.push({ group: 'grid', fmt: `[%${flags}${width}${prec}${conv}]`, args: [value] });
      }
    }
  }
  return cases;
}

function floatCases(): Case[] {
  const cases: Case[] = [];
  const rnd = prng(20260521);
  const push = (fmt: string, x: number) => cases.push({ group: 'float', fmt, args: [x] });
  // Exact ties: odd multiples of 2^-(p+1) are exactly halfway at p decimals.
  for (let p = 0; p <= 10; p++) {
    for (let j = 0; j < 40; j++) {
      const odd = 2 * Math.floor(rnd() * (j < 20 ? 64 : 2 ** 40)) + 1;
      const x = (rnd() < 0.3 ? -odd : odd) / 2 ** (p + 1);
      push(`%.${p}f`, x);
      push(`%.${p}e`, x);
      push(`%.${p}g`, x);
    }
  }
  // Short dyadic mantissas at many scales hit ties in %e and %g, including the carry into a new decade.
  for (let j = 0; j < 400; j++) {
    const x = (2 * Math.floor(rnd() * 2 ** 20) + 1) * 2 ** Math.floor(rnd() * 60 - 30);
    const p = Math.floor(rnd() * 12);
    push(`%.${p}${'feEgG'[j % 5]}`, x);
  }
  for (const x of [0.5, 1.5, 2.5, 9.5, 95, 25, 125, 0.125, 0.375, 99.5, 999.5, 1e15 + 0.5]) {
    for (let p = 0; p <= 4; p++) for (const c of 'feg') push(`%.${p}${c}`, x);
  }
  // Random doubles over the whole finite range, through every float conversion and str/repr.
  const f64 = new Float64Array(1);
  const u32 = new Uint32Array(f64.buffer);
  for (let j = 0; j < 500; j++) {
    u32[0] = Math.floor(rnd() * 2 ** 32);
    u32[1] = Math.floor(rnd() * 2 ** 32);
    const x = f64[0]!;
    if (!Number.isFinite(x)) continue;
    const p = Math.floor(rnd() * 25);
    push(`%.${p}e|%.${p}g|%#.${p}G|%r|%s`, x);
    cases.push({ group: 'float', fmt: `%.${p % 18}f`, args: [x] });
    const y = (rnd() - 0.5) * 10 ** Math.floor(rnd() * 40 - 20);
    push(`%.${p}f|%.${p}e|%.${p}g|%s|%r|%a`, y);
  }
  // Beyond toFixed's 100 digits, and extremes of the range.
  for (const x of [0.1, 2 / 3, 5e-324, 1.7976931348623157e308, 1e-300, 123.456, 0.5]) {
    for (const f of ['%.101f', '%.120e', '%.150g', '%.300f', '%#.110g', '%.1100f']) push(f, x);
  }
  return cases;
}

function reprCases(): Case[] {
  const cases: Case[] = [];
  for (const s of ["'", '"', `'"`, '\\', '\ud800', 'a\udfffb', '\udbff\udc00', '\u2028\u2029\u3000\u00a0\u200b\ufeff']) {
    cases.push({ group: 'repr', fmt: '%r %a %s', args: [s, s, [s]] });
  }
  for (const v of TEXTS) cases.push({ group: 'repr', fmt: '%s|%r|%a|%.5r|%-30s|', args: [v, v, v, v, v] });
  const nested = [[1, [2, [3, { deep: ['x', new Map([['k', new Set([1])]])] }]]], { '': '', é: 'ü' }];
  cases.push({ group: 'repr', fmt: '%s %r %a', args: [nested, nested, nested] });
  return cases;
}

/** Numbers a JS program holds that are not exact integers: beyond 2^53 they are Python floats. */
const UNSAFE_NUMBERS: number[] = [
  1e16, -1e16, 2 ** 53, -(2 ** 53), 2 ** 53 + 2, 1.2345678901234568e17, 2 ** 64, 1e21, 1e22, 1e300, Number.MAX_VALUE, -Number.MAX_VALUE,
  Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, 2 ** 52 + 0.5, 123456789012345.6,
];

function unsafeNumberCases(): Case[] {
  const cases: Case[] = [];
  for (const x of UNSAFE_NUMBERS) {
    cases.push({ group: 'unsafe', fmt: '%s|%r|%a|%d|%i|%u|%f|%e|%g|%.3g|%25s|', args: [x, x, x, x, x, x, x, x, x, x, x] });
    cases.push({ group: 'unsafe', fmt: '%s %r', args: [[x, { k: x }], new Map([[x, x]])] });
    for (const conv of ['x', 'X', 'o', 'c']) cases.push({ group: 'unsafe', fmt: `%${conv}`, args: [x] });
    if (Number.isSafeInteger(x)) continue; // python3 would try to pad to 2^53 characters
    cases.push({ group: 'unsafe', fmt: '%*d', args: [x, 1] });
    cases.push({ group: 'unsafe', fmt: '%.*s', args: [x, 'abc'] });
  }
  return cases;
}

function mappingCases(): Case[] {
  const m = { name: 'RT.worker-42', levelname: 'INFO', relative_seconds: '1.235', n: 3, x: 2.5, 'a(b)c': 'paren', '': 'empty' };
  const fmts = [
    '[+%(relative_seconds)-7ss] %(name)-12s: %(levelname)-8s - %(n)05d', '%(x).3f %(x)e %(n)x %(n)#o', '%(a(b)c)s',
    '%()s', '%(n)s %s', '%s %(n)s', '%s', '%(missing)s', '%(n)*d', '%(n', 'plain text', '%(name)r %(name)a',
    '%%(name)s', '%(name).2s|%(name)20s|', '%(n)q', '%(n)',
  ];
  const cases: Case[] = [];
  for (const fmt of fmts) {
    cases.push({ group: 'mapping', fmt, args: m });
    cases.push({ group: 'mapping', fmt, args: new Map(Object.entries(m)) });
  }
  cases.push({ group: 'mapping', fmt: '%(a)s', args: [1] });
  cases.push({ group: 'mapping', fmt: '%(a)s', args: [{ a: 1 }] });
  return cases;
}

function errorCases(): Case[] {
  const list: [string, unknown[]][] = [
    ['%s %s', ['a']], ['%s', []], ['%s', ['a', 'b']], ['abc', [1]], ['abc', []], ['%q', [1]], ['%q', []], ['%*q', []],
    ['abc %', []], ['%5', [1]], ['%-5%|', ['x']], ['%5%', [1]], ['%%', []], ['%s%%', [1]], ['%é', [1]], ['%\x01', [1]],
    ['x😀%😀', [1]], ['%d', ['5']], ['%i', ['a']], ['%u', [[]]], ['%x', [1.5]], ['%o', ['a']], ['%X', [null]],
    ['%f', ['a']], ['%e', [null]], ['%g', [[1]]], ['%d', [NaN]], ['%d', [Infinity]], ['%d', [-Infinity]], ['%f', [10n ** 400n]],
    ['%c', ['ab']], ['%c', [1.5]], ['%c', [0x110000]], ['%c', [-1]], ['%c', ['']], ['%*d', [1.5, 1]], ['%*s', ['a', 'b']],
    ['%.*s', ['a', 'b']], ['%*d', [-5, 1]], ['%.*f', [-1, 1.5]], ['%*.*f', [8, 2, 3.14159]], ['%*d', [true, 1]],
    ['%ld %hd %Lf %lld', [5, 6, 1.5, 7]], ['%.f|%.e|%.g|%.s', [2.5, 2.5, 2.5, 'abc']], ['%d %d', [1, 'x']], ['%d %q', ['x']],
    ['%.*s', [2 ** 40, 'a']], ['%-*s|', [5, 'ab']], ['%-*d|', [-5, 3]], ['%0*d', [-6, 3]], ['%s', [{ a: 1 }]],
  ];
  return list.map(([fmt, args]) => ({ group: 'error', fmt, args }));
}

/** Every BMP code point, and a stride through the astral planes (lone surrogates included). */
function sweptCodePoints(): number[] {
  const cps: number[] = [];
  for (let cp = 0; cp < 0x10000; cp++) cps.push(cp);
  for (let cp = 0x10000; cp <= 0x10ffff; cp += cp < 0x32000 || cp >= 0xe0000 ? 3 : 997) cps.push(cp);
  return cps;
}

/** Characters Python's Unicode tables leave unassigned while Node's newer ones may not. */
const UNASSIGNED_IN_JS = /^\p{Cn}$/u;

describeWithPython('percent formatting agrees with python3', () => {
  const cases = [...gridCases(), ...floatCases(), ...reprCases(), ...unsafeNumberCases(), ...mappingCases(), ...errorCases()];
  const codePoints = sweptCodePoints();
  let python: Outcome[] = [];
  let pythonChars: [string, string][] = [];

  beforeAll(async () => {
    const input = JSON.stringify({ cases: cases.map((c) => [c.fmt, encodeArgs(c.args)]), codepoints: codePoints });
    const answer = JSON.parse(await runPython(ORACLE, input)) as { cases: Outcome[]; codepoints: [string, string][] };
    python = answer.cases;
    pythonChars = answer.codepoints;
  });

  function mismatches(group: string): unknown[] {
    const out: unknown[] = [];
    cases.forEach((c, i) => {
      if (c.group !== group) return;
      const js = jsOutcome(c);
      const py = python[i]!;
      if (js[0] !== py[0] || js[1] !== py[1]) {
        out.push(`${JSON.stringify(c.fmt)} % ${JSON.stringify(encodeArgs(c.args))}: js ${JSON.stringify(js)} python ${JSON.stringify(py)}`);
      }
    });
    return out.slice(0, 15);
  }

  test('the corpus is large and python3 answered every case', () => {
    expect(cases.length).toBeGreaterThan(5000);
    expect(python).toHaveLength(cases.length);
    expect(pythonChars).toHaveLength(codePoints.length);
  });
  test('every conversion with every flag, width and precision renders ints, floats, text and containers like python3', () => {
    expect(mismatches('grid')).toEqual([]);
  });
  test('float conversions round exact ties to even and match python3 digit for digit across the whole range', () => {
    expect(mismatches('float')).toEqual([]);
  });
  test('str, repr and ascii of text, bytes, containers and errors quote and escape like python3', () => {
    expect(mismatches('repr')).toEqual([]);
  });
  test('repr escapes exactly the code points python3 considers non-printable', () => {
    const out: string[] = [];
    let newerUnicode = 0;
    codePoints.forEach((cp, i) => {
      const [expected, category] = pythonChars[i]!;
      const ch = String.fromCodePoint(cp);
      const actual = pyRepr(ch);
      if (actual === expected) return;
      // Python 3.11 ships Unicode 14; characters assigned since then print raw in Node only.
      if (category === 'Cn' && !UNASSIGNED_IN_JS.test(ch)) {
        newerUnicode++;
        return;
      }
      if (out.length < 15) out.push(`U+${cp.toString(16)}: js ${actual} python ${expected}`);
    });
    expect(out).toEqual([]);
    expect(newerUnicode).toBeLessThan(codePoints.length / 20);
  });
  test('numbers that are not safe integers render as python3 floats (1e+16), safe ones as ints', () => {
    expect(cases.filter((c) => c.group === 'unsafe').length).toBeGreaterThan(100);
    expect(mismatches('unsafe')).toEqual([]);
  });
  test('mapping arguments resolve %(key)s fields and raise KeyError or TypeError like python3', () => {
    expect(mismatches('mapping')).toEqual([]);
  });
  test('argument mismatches and malformed formats raise the same error type and message as python3', () => {
    expect(mismatches('error')).toEqual([]);
  });
});
