import { afterAll, afterEach, describe, expect, test } from '@jest/globals';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Formatter, captureCallSites, getLogger, instrument } from '../../lib/index.js';
import { callSitesWanted, isLibraryFile, noteLayout, resetCallSites } from '../../lib/core/call-site.js';

import { runNode } from '../support/child.js';
import { removeTempDirs, tempDir } from '../support/temp-dir.js';
import { resetLogging, MemoryHandler } from '../../lib/testing/index.js';

afterEach(() => resetLogging());
afterAll(removeTempDirs);

function recorded() {
  const handler = new MemoryHandler();
  const log = getLogger('callsite');
  log.setLevel('DEBUG');
  log.propagate = false;
  log.addHandler(handler);
  return { log, handler };
}

const here = fileURLToPath(import.meta.url);

describe('call-site capture', () => {
  test("is off until asked for: records carry Python's placeholders", () => {
    const { log, handler } = recorded();
    log.info('plain');
    const r = handler.records[0]!;
    expect([r.pathname, r.filename, r.module, r.lineno, r.funcName]).toEqual(['(unknown file)', '(unknown file)', '(unknown file)', 0, '(unknown function)']);
  });

  test('turns on when a formatter reads a call-site field, in any of the three styles', () => {
    expect(callSitesWanted()).toBe(false);
    new Formatter('%(message)s {lineno}'); // a literal brace in a % layout asks for nothing
    new Formatter('${levelname} $message', undefined, '$');
    expect(callSitesWanted()).toBe(false);
    new Formatter('{funcName:>12} {message}', undefined, '{');
    expect(callSitesWanted()).toBe(true);
    for (const [fmt, style] of [['%(filename)s', '%'], ['{lineno}', '{'], ['${module}', '$'], ['$pathname', '$']] as const) {
      resetCallSites();
      noteLayout(fmt, style);
      expect([fmt, callSitesWanted()]).toEqual([fmt, true]);
    }
  });

  test("names the caller's file, not the library's, for the logger, a bound logger and log()", () => {
    captureCallSites(true);
    const { log, handler } = recorded();
    log.info('direct');
    log.bind({ k: 1 }).warning('bound');
    log.log('ERROR', 'by level');
    log.exception(new Error('boom'));
    expect(handler.records).toHaveLength(4);
    for (const r of handler.records) {
      expect({ msg: r.msg, pathname: r.pathname, filename: r.filename, module: r.module }).toEqual({
        msg: r.msg, pathname: here, filename: 'call-site.test.ts', module: 'call-site.test',
      });
      expect(r.lineno).toBeGreaterThan(0);
    }
  });

  test('captureCallSites(false) wins over a formatter that asks; no argument restores the default', () => {
    new Formatter('%(lineno)d %(message)s');
    captureCallSites(false);
    const { log, handler } = recorded();
    log.info('off');
    captureCallSites();
    log.info('automatic');
    expect(handler.records.map((r) => r.lineno > 0)).toEqual([false, true]);
  });
});

const dist = join(fileURLToPath(new URL('../../dist/', import.meta.url)), 'index.js');

describe('call sites in a real script', () => {
  test('each line names the file, line and function of its log call, as Python would', async () => {
    if (!existsSync(dist)) throw new Error('dist/ is missing: run `npm run build` before this test');
    const script = join(tempDir('callsite'), 'worker_app.mjs');
    writeFileSync(script, [
      `import { Formatter, StreamHandler, getLogger } from ${JSON.stringify(pathToFileURL(dist).href)};`,
      'const log = getLogger("app");',
      'const handler = new StreamHandler(process.stdout);',
      'handler.setFormatter(new Formatter("%(filename)s|%(module)s|%(lineno)d|%(funcName)s|%(message)s"));',
      'log.addHandler(handler); log.setLevel("INFO"); log.propagate = false;',
      'log.info("top level");',
      'class Worker { run() { log.warning("in a method"); } }',
      'new Worker().run();',
      'async function fetchAll() { await null; log.error("after await"); }',
      'await fetchAll();',
      'function outer() { return log.bind({ id: 7 }).info("bound"); }',
      'outer();',
    ].join('\n'));
    const result = await runNode(script, []);
    expect(result.stderr).toBe('');
    expect(result.stdout.trimEnd().split('\n')).toEqual([
      'worker_app.mjs|worker_app|6|<module>|top level',
      'worker_app.mjs|worker_app|7|run|in a method',
      'worker_app.mjs|worker_app|9|fetchAll|after await',
      'worker_app.mjs|worker_app|11|outer|bound',
    ]);
  });
});

describe('the library directory', () => {
  const lib = fileURLToPath(new URL('../../lib/', import.meta.url));

  test('every layer folder of lib/ counts as the library, so no layer is ever named as the caller', () => {
    const folders = readdirSync(lib, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    expect(folders.length).toBeGreaterThanOrEqual(8);
    for (const folder of folders) expect([folder, isLibraryFile(join(lib, folder, 'any.ts'))]).toEqual([folder, true]);
    expect(isLibraryFile(join(lib, 'index.ts'))).toBe(true);
    expect(isLibraryFile(here)).toBe(false);
    expect(isLibraryFile(join(dirname(lib.slice(0, -1)), 'library-sibling', 'x.ts'))).toBe(false);
  });

  test('a record logged by the Railtracks layer on the caller\'s behalf (instrument) names the caller', async () => {
    captureCallSites(true);
    const { handler } = recorded();
    getLogger('RT').setLevel('DEBUG');
    getLogger('RT').addHandler(handler);
    const traced = instrument(function tracedWork() { return 1; }, { name: 'tracedWork' });
    traced();
    expect(handler.records.length).toBeGreaterThan(0);
    for (const r of handler.records) expect(r.filename).toBe('call-site.test.ts');
  });
});
