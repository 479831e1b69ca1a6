/**
 * Sparse arrays cost their elements, not their length: `a[1e8] = 'x'` and a length of 2^32 − 1
 * are logged as text and as JSON lines by a real process with a small heap and a kill timeout
 * (before: out of memory, or a hang). The exact rendering of holes is checked in-process.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, test } from '@jest/globals';
import { runModuleWithKillTimeout } from '../support/child.js';
import { percentFormat, pyRepr, pyStr } from '../../lib/python/index.js';
import { SafeJson } from '../../lib/index.js';

const distIndex = fileURLToPath(new URL('../../dist/index.js', import.meta.url));


describe('sparse arrays in a running process', () => {
  test('a[1e8] and a length of 2^32 - 1 log as text and JSON lines in a 128 MB heap, holes counted', async () => {
    if (!existsSync(distIndex)) throw new Error('dist/ is missing: run `npm run build` before this test');
    const source = `
      const { getLogger, StreamHandler, Formatter, JsonFormatter, extra } = await import(${JSON.stringify(pathToFileURL(distIndex).href)});
      const out = { write: (s) => { process.stdout.write(s); return true; } };
      const text = new StreamHandler(out);
      const json = new StreamHandler(out);
      json.setFormatter(new JsonFormatter({ fields: {} }));
      const log = getLogger('sparse');
      log.propagate = false;
      log.addHandler(text);
      log.addHandler(json);
      const far = []; far[1e8] = 'x';
      const huge = []; huge.length = 2 ** 32 - 1; huge[3] = 7;
      log.warning('far=%s huge=%r', far, huge, extra({ far, huge }));
    `;
    const r = await runModuleWithKillTimeout(source, { killAfterMs: 20_000, heapMiB: 128 });
    expect(r.signal).toBeNull();
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const [textLine, jsonLine] = r.stdout.trimEnd().split('\n');
    expect(textLine).toBe("far=[<100000000 empty items>, 'x'] huge=[<3 empty items>, 7, <4294967291 empty items>]");
    const parsed = JSON.parse(jsonLine!) as Record<string, unknown>;
    expect(parsed.message).toBe(textLine);
    expect(parsed.far).toEqual(['[100000000 empty items]', 'x']);
    expect(parsed.huge).toEqual(['[3 empty items]', 7, '[4294967291 empty items]']);
  }, 30_000);
});

describe('how holes read', () => {
  // eslint-disable-next-line no-sparse-arrays
  const sparse = [1, , 3, , , undefined];
  test('in Python text, each run of holes is one <N empty items>, an undefined element stays None', () => {
    expect(pyStr(sparse)).toBe('[1, <1 empty item>, 3, <2 empty items>, None]');
    expect(pyRepr([, 'a'])).toBe("[<1 empty item>, 'a']"); // eslint-disable-line no-sparse-arrays
    expect(percentFormat('%s', [new Array(5)])).toBe('[<5 empty items>]');
    const deleted = ['a', 'b', 'c'];
    delete deleted[1];
    expect(pyStr(deleted)).toBe("['a', <1 empty item>, 'c']");
  });

  test('in JSON, each run of holes is one "[N empty items]" stand-in, at any depth, and redaction still applies', () => {
    expect(new SafeJson().stringify(sparse)).toBe('[1,"[1 empty item]",3,"[2 empty items]",null]');
    expect(new SafeJson().stringify({ list: new Array(3) })).toBe('{"list":["[3 empty items]"]}');
    const secret = [];
    secret[10] = { password: 'hunter2' };
    expect(new SafeJson({ redact: ['password'] }).stringify({ secret })).toBe('{"secret":["[10 empty items]",{"password":"[Redacted]"}]}');
  });

  test('dense arrays are written as before', () => {
    expect(pyStr([1, 'a', null])).toBe("[1, 'a', None]");
    expect(new SafeJson().stringify([1, 'a', null, undefined])).toBe('[1,"a",null,null]');
  });
});
