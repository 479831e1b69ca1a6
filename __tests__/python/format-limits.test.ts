/**
 * Format bombs: a peer chooses a record's msg and args, a config file chooses layouts and
 * datefmts. Widths and precisions have a bound (ours for `%` and `str.format`, CPython's own for
 * `time.strftime`), and an over-limit format is a logging error, never a stall or a huge
 * allocation. The stalls are checked from outside: a child process that must finish before a
 * kill timeout.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, test } from '@jest/globals';
import { runModuleWithKillTimeout } from '../support/child.js';
import { formatSpec, percentFormat, strftime } from '../../lib/python/index.js';
import { MAX_FIELD_WIDTH, MAX_NUMERIC_PRECISION } from '../../lib/python/format-limits.js';
import { Formatter } from '../../lib/index.js';
import { describeWithPython, runPython } from '../support/python.js';

const distIndex = join(dirname(fileURLToPath(import.meta.url)), '../../dist/index.js');


describe('hostile widths and precisions in a running process', () => {
  beforeAll(() => {
    if (!existsSync(distIndex)) throw new Error('dist/ is missing: run `npm run build` before this test');
  });

  test('a peer message, a config layout and a datefmt that ask for huge fields each end as a logging error, and logging goes on', async () => {
    const source = `
      const { getLogger, StreamHandler, Formatter, makeLogRecord } = await import(${JSON.stringify(pathToFileURL(distIndex).href)});
      const out = { write: (s) => { process.stdout.write(s); return true; } };
      const plain = new StreamHandler(out);
      const log = getLogger('bomb');
      log.propagate = false;
      log.addHandler(plain);
      log.warning('%.99999999f', 1.0);
      log.warning('%400000000s', 'x');
      log.warning('%*s', 2147483647, 'x');
      for (const h of [
        new Formatter('{created:.99999999f} {message}', undefined, '{', false),
        new Formatter('{message:>400000000}', undefined, '{', false),
        new Formatter('%(message)400000000s', undefined, '%', false),
        new Formatter('%(asctime)s %(message)s', '%999999999Y'),
      ]) {
        const handler = new StreamHandler(out);
        handler.setFormatter(h);
        handler.handle(makeLogRecord({ name: 'peer', msg: 'from a peer', levelno: 30, levelname: 'WARNING' }));
      }
      log.warning('still logging %s', 'after the bombs');
    `;
    const r = await runModuleWithKillTimeout(source, { killAfterMs: 20_000, heapMiB: 256 });
    expect(r.signal).toBeNull();
    expect(r.code).toBe(0);
    const reports = r.stderr.split('--- Logging error ---').length - 1;
    expect(reports).toBe(6);
    expect(r.stderr).toContain('precision too big (99999999; the limit is 10000)');
    expect(r.stderr).toContain('width too big (400000000; the limit is 10000)');
    expect(r.stderr).toContain('width too big (2147483647; the limit is 10000)');
    // The datefmt is CPython's own case: its buffer gives up and asctime is empty.
    expect(r.stdout).toBe(' from a peer\nstill logging after the bombs\n');
  }, 30_000);
});

describe('the bounds themselves', () => {
  test('a width up to the limit renders; one past it is a ValueError naming the limit', () => {
    expect(percentFormat(`%${MAX_FIELD_WIDTH}s`, ['x'])).toHaveLength(MAX_FIELD_WIDTH);
    expect(() => percentFormat(`%${MAX_FIELD_WIDTH + 1}s`, ['x'])).toThrow(`width too big (${MAX_FIELD_WIDTH + 1}; the limit is ${MAX_FIELD_WIDTH})`);
    expect(() => percentFormat('%*d', [MAX_FIELD_WIDTH + 1, 1])).toThrow('width too big');
    expect(() => percentFormat('%-*d', [-(MAX_FIELD_WIDTH + 1), 1])).toThrow('width too big');
    expect(formatSpec('x', `>${MAX_FIELD_WIDTH}`)).toHaveLength(MAX_FIELD_WIDTH);
    expect(() => formatSpec(1.5, `${MAX_FIELD_WIDTH + 1}`)).toThrow('width too big');
  });

  test('numeric precision is bounded; string precision only cuts text, so it is not', () => {
    expect(percentFormat(`%.${MAX_NUMERIC_PRECISION}f`, [0.5])).toHaveLength(MAX_NUMERIC_PRECISION + 2);
    expect(() => percentFormat(`%.${MAX_NUMERIC_PRECISION + 1}f`, [0.5])).toThrow('precision too big');
    expect(() => percentFormat('%.*e', [MAX_NUMERIC_PRECISION + 1, 0.5])).toThrow('precision too big');
    expect(() => percentFormat('%.99999999d', [7])).toThrow('precision too big');
    expect(() => formatSpec(0.5, `.${MAX_NUMERIC_PRECISION + 1}f`)).toThrow('precision too big');
    expect(() => formatSpec(7, `.${MAX_NUMERIC_PRECISION + 1}%`)).toThrow('precision too big');
    expect(percentFormat('%.99999999s|%.99999999r', ['ab', 'cd'])).toBe("ab|'cd'");
    expect(formatSpec('ab', '.99999999')).toBe('ab');
  });

  test('an over-limit error has the ValueError type a Python caller would catch', () => {
    try {
      percentFormat('%20000d', [1]);
      throw new Error('no error');
    } catch (e) {
      expect((e as { pyType?: string }).pyType).toBe('ValueError');
    }
  });
});

describe('a layout past the bounds is refused when the Formatter is built (validate, the default)', () => {
  test('% and { layouts name the field size and the format; string precision and nested specs pass', () => {
    expect(() => new Formatter('%(message)400000000s')).toThrow("width too big (400000000; the limit is 10000) in format '%(message)400000000s'");
    expect(() => new Formatter('%(created).20000f')).toThrow('precision too big (20000; the limit is 10000)');
    expect(() => new Formatter('{created:.99999999f} {message}', undefined, '{')).toThrow('precision too big (99999999');
    expect(() => new Formatter('{message:0>20000}', undefined, '{')).toThrow('width too big (20000');
    expect(new Formatter('%(message).20000s').fmt).toBe('%(message).20000s');
    expect(new Formatter('{message:.20000}', undefined, '{').fmt).toBe('{message:.20000}');
    expect(new Formatter('{message:>{width}}', undefined, '{').fmt).toBe('{message:>{width}}');
    expect(new Formatter('%(levelname)-8s %(created).3f {x:9999}').fmt).toContain('%(levelname)-8s');
  });
});

describeWithPython('strftime keeps CPython\'s own output bound', () => {
  test('wide datefmt directives print, or print nothing, exactly where python3 does', async () => {
    const formats = ['%1023Y', '%1024Y', '%2000Y', '%2047Y', '%2048Y', '%4000Y', '%99999999Y', 'x'.repeat(10) + '%4000Y',
      'x'.repeat(10) + '%4090Y', 'x'.repeat(10) + '%5000Y', '%Y'.repeat(3) + '%2040Y', 'é'.repeat(4) + '%2040d', '%d'.repeat(600)];
    const expected = JSON.parse(await runPython(
      'import sys, json, time\nt = time.gmtime(0)\nprint(json.dumps([len(time.strftime(f, t)) for f in json.loads(sys.stdin.read())]))',
      JSON.stringify(formats),
    )) as number[];
    expect(formats.map((f) => strftime(f, new Date(0), true).length)).toEqual(expected);
    expect(expected.filter((n) => n === 0).length).toBeGreaterThan(2);
  });
});
