/**
 * Differential test of Formatter against python3's `logging.Formatter`: a generated corpus of
 * `%`, `{` and `$` layouts, datefmts, defaults and UTC/local time, applied to the same record
 * dicts (fixed time, process and thread fields) through `makeLogRecord` on both sides. Every
 * line, and every error class and message, must be identical, in three time zones.
 */
import { runNodeModule } from '../support/child.js';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { expect, test } from '@jest/globals';
import { CONSOLE_FORMAT, FILE_FORMAT, Formatter, makeLogRecord, type FormatStyle } from '../../lib/index.js';
import { describeWithPython, runPython } from '../support/python.js';

interface Case { fmt: string | null; datefmt: string | null; style: FormatStyle; validate: boolean; defaults: Record<string, unknown> | null; utc: boolean; record: number }

const ORACLE = String.raw`
import sys, json, time, logging
data = json.loads(sys.stdin.read())
out = []
for c in data['cases']:
    try:
        f = logging.Formatter(c['fmt'], c['datefmt'], c['style'], c['validate'], defaults=c['defaults'])
        if c['utc']:
            f.converter = time.gmtime
        d = dict(data['records'][c['record']])
        for k in ('created', 'msecs', 'relativeCreated'):
            d[k] = float(d[k])
        if isinstance(d.get('args'), list):
            d['args'] = tuple(d['args'])
        out.append(['ok', f.format(logging.makeLogRecord(d))])
    except Exception as e:
        out.append([type(e).__name__, str(e)])
sys.stdout.write(json.dumps(out, ensure_ascii=True))
`;

const base = {
  name: 'RT.worker-42', levelno: 20, levelname: 'INFO', msg: 'chunk %s of %d: ñandú ✓', args: ['doc.txt', 3],
  pathname: '/srv/agent/worker.py', filename: 'worker.py', module: 'worker', lineno: 117, funcName: 'run_chunk',
  created: 1700000000.123, msecs: 123.0, relativeCreated: 4321.5, thread: 140245, threadName: 'MainThread',
  process: 4242, processName: 'MainProcess', exc_text: null, stack_info: null,
  user: 'zoë', count: 65, ratio: 0.125, big: 1234567, neg: -42, flag: true, none: null, nested: { a: [1, 'x'] },
};
const RECORDS: Array<Record<string, unknown>> = [
  base,
  { ...base, name: 'RT', levelno: 40, levelname: 'ERROR', msg: 'failed', args: [], created: 1719835200.999, msecs: 999.0,
    exc_text: 'Traceback (most recent call last):\n  File "x.py", line 1\nValueError: bad', stack_info: 'Stack (most recent call last):\n  here' },
  { ...base, name: 'RT.a.b', levelno: 25, levelname: 'Level 25', msg: 'plain message', args: null, created: 946684800.0, msecs: 0.0, relativeCreated: 0.0, ratio: -0.0 },
].map((r) => ({ ...r, relative_seconds: ((r.relativeCreated as number) / 1000).toFixed(3) }));

const FIELDS = ['name', 'levelno', 'levelname', 'pathname', 'filename', 'module', 'lineno', 'funcName', 'created', 'msecs',
  'relativeCreated', 'thread', 'threadName', 'process', 'processName', 'message', 'asctime', 'exc_text', 'stack_info',
  'msg', 'user', 'count', 'ratio', 'big', 'neg', 'flag', 'none', 'nested', 'missing'];
const PERCENT_SPECS = ['s', '-12s', '8s', '.3s', 'r', 'a', 'd', '05d', '-5d', 'x', '#X', 'o', 'f', '.2f', '010.3f', 'e', 'g', '+d', ' d', 'c', 'i', '*s', 'q', '.1s'];
const BRACE_SPECS = ['', ':<8', ':>8', ':^9', ':*^9', ':08', ':.3', ':+', ':x', ':#x', ':,', ':_', ':.2f', ':e', ':.3g', ':%', ':d', ':n', ':s', ':c',
  ':=+8', ':0=8', ':z.1f', ':.2', ':10,.1f', '!r', '!s', '!a', '!r:>10', ':#o', ':_b', ':.0e', ':G', ':>{lineno}', '!x', ':abc', '[0]', '[a]', '.x'];
const DATEFMTS = [null, '%Y-%m-%d %H:%M:%S', '%d/%b/%Y:%H:%M:%S %z', '%a %A %b %B %c %x %X', '%j %U %W %V %G %g %u %w',
  '%I:%M %p %P', '%Z', '%s', '%f', '%-d %_H %^a %#b %10Y %3y', '%e %k %l %C %D %T %R %F %r', '%%', '%5', '', 'plain', '%Ey %Od %#Z %-j'];
const LITERALS = ['', ' ', ' - ', ': ', ' | ', ' ✓ ', 'é', '%%', '{{', '}}', '$$', '\n', '[', ']'];

/** A small seeded generator so the corpus is the same on every run and every machine. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generate(): Case[] {
  const r = rng(20261121);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const cases: Case[] = [];
  const styles: FormatStyle[] = ['%', '{', '$'];
  for (let n = 0; n < 600; n++) {
    const style = styles[n % 3]!;
    let fmt = pick(LITERALS);
    const parts = 1 + Math.floor(r() * 4);
    for (let k = 0; k < parts; k++) {
      const field = pick(FIELDS);
      if (style === '%') fmt += `%(${field})${pick(PERCENT_SPECS)}`;
      else if (style === '{') fmt += `{${field}${pick(BRACE_SPECS)}}`;
      else fmt += r() < 0.5 ? `$${field}` : `\${${field}}`;
      fmt += pick(LITERALS);
    }
    const defaults = r() < 0.2 ? { missing: 'dflt', user: 'shadowed' } : null;
    cases.push({ fmt, datefmt: pick(DATEFMTS), style, validate: r() < 0.85, defaults, utc: r() < 0.3, record: n % RECORDS.length });
  }
  const fixed: Array<[string | null, FormatStyle, boolean]> = [
    [CONSOLE_FORMAT, '%', true], [FILE_FORMAT, '%', true], [null, '%', true], [null, '{', true], [null, '$', true], ['', '%', true],
    ['no fields', '%', true], ['no fields', '{', true], ['no fields', '$', true], ['$ bare $name', '$', true], ['a $ b', '$', false],
    ['x\ny\r\nz $', '$', false], ['{', '{', true], ['}', '{', false], ['{name', '{', true], ['{name:', '{', false], ['{name!', '{', true],
    ['{name!rr}', '{', true], ['{name:{lineno:{x}}}', '{', false], ['{} {name}', '{', true], ['{0}', '{', true], ['{name.}', '{', false],
    ['{name[}', '{', true], ['{ name}', '{', true], ['{name!x}', '{', false], ['{nested[a][1]}', '{', true], ['{nested[b]}', '{', true],
    ['{user[9]}', '{', true], ['{user[x]}', '{', true], ['{nested.a}', '{', true], ['%(name)s %s', '%', false],
    ['%(name)', '%', false], ['%(name)*d', '%', true], ['%(nam', '%', false], ['%(levelname)-8s %(message)s %', '%', true],
    ['{asctime} {msecs:03.0f}', '{', true], ['{msecs:03d}', '{', true], ['%(created)f %(msecs)03d %(relativeCreated)s', '%', true],
    ['{created!r} {msecs!s} {relativeCreated}', '{', true], ['${created} $msecs', '$', true], ['{flag:>5} {flag} {none} {none:>4}', '{', true],
    ['{nested:>5}', '{', true], ['{user:\n^9}', '{', true],
  ];
  for (const [fmt, style, validate] of fixed) {
    for (let record = 0; record < RECORDS.length; record++) {
      cases.push({ fmt, datefmt: null, style, validate, defaults: null, utc: false, record });
    }
  }
  cases.push({ fmt: '%(asctime)s', datefmt: null, style: 'x' as FormatStyle, validate: true, defaults: null, utc: false, record: 0 });
  return cases;
}

/** Our side of one case; also shipped as source to a child node for other time zones. */
function ours(c: Case, records: Array<Record<string, unknown>>, F: typeof Formatter, make: typeof makeLogRecord): [string, string] {
  try {
    const f = new F(c.fmt ?? undefined, c.datefmt ?? undefined, c.style, c.validate, { defaults: c.defaults ?? undefined, utc: c.utc });
    return ['ok', f.format(make(JSON.parse(JSON.stringify(records[c.record]!)) as Record<string, unknown>))];
  } catch (err) {
    const e = err as { pyType?: string; name: string; message: string };
    return [e.pyType ?? e.name, e.message];
  }
}

const distDir = fileURLToPath(new URL('../../dist/', import.meta.url));

/**
 * The time zone of a Node process is fixed at start-up for Date, so other zones run our
 * Formatter (the built dist/, `npm test` builds first) in a child node with TZ set.
 */
async function oursInZone(tz: string, cases: Case[]): Promise<Array<[string, string]>> {
  if (!existsSync(join(distDir, 'core/formatter.js'))) throw new Error('dist/ is missing: run `npm run build` before this test');
  const script = `
    const { Formatter } = await import(${JSON.stringify(pathToFileURL(join(distDir, 'core/formatter.js')).href)});
    const { makeLogRecord } = await import(${JSON.stringify(pathToFileURL(join(distDir, 'core/record.js')).href)});
    const ours = ${ours.toString()};
    let input = '';
    for await (const chunk of process.stdin) input += chunk;
    const { cases, records } = JSON.parse(input);
    process.stdout.write(JSON.stringify(cases.map((c) => ours(c, records, Formatter, makeLogRecord))));`;
  const out = await runNodeModule(script, JSON.stringify({ cases, records: RECORDS }), { TZ: tz });
  return JSON.parse(out) as Array<[string, string]>;
}

describeWithPython('Formatter output matches python3 logging.Formatter', () => {
  const cases = generate();
  const here = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const zones = [here, ...['America/New_York', 'Asia/Kolkata'].filter((z) => z !== here)];
  for (const tz of zones) {
    test(`every layout in the corpus renders (or fails) exactly as python3 does, TZ=${tz}`, async () => {
      const stdout = await runPython(`import os, time; os.environ['TZ'] = ${JSON.stringify(tz)}; time.tzset()\n${ORACLE}`,
        JSON.stringify({ cases, records: RECORDS }));
      const expected = JSON.parse(stdout) as Array<[string, string]>;
      const actual = tz === here ? cases.map((c) => ours(c, RECORDS, Formatter, makeLogRecord)) : await oursInZone(tz, cases);
      const mismatches = cases
        .map((c, i) => ({ c, ours: actual[i]!, python: expected[i]! }))
        .filter((x) => x.ours[0] !== x.python[0] || x.ours[1] !== x.python[1])
        .map((x) => JSON.stringify(x));
      expect(mismatches.slice(0, 12)).toEqual([]);
      // The corpus must exercise both outcomes, or it proves little.
      expect(expected.filter((e) => e[0] === 'ok').length).toBeGreaterThan(250);
      expect(expected.filter((e) => e[0] !== 'ok').length).toBeGreaterThan(50);
    });
  }
});
