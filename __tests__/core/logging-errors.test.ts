import { afterAll, describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { removeTempDirs, tempDir } from '../support/temp-dir.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const dir = tempDir('logging-errors');
afterAll(removeTempDirs);

/** Run `source` as an app script in a child node against the built package; its stderr. */
function runApp(name: string, source: string): string {
  const script = join(dir, name);
  writeFileSync(script, source.replaceAll('PACKAGE', JSON.stringify(join(repo, 'dist/index.js'))));
  const result = spawnSync(process.execPath, [script], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  expect(result.status).toBe(0);
  return result.stderr;
}

const libraryFrames = (report: string) => report.split('\n').filter((line) => line.includes(join(repo, 'dist')) || line.includes(join(repo, 'lib')));

describe('a logging error report', () => {
  test("shows the caller's frames (Python's Call stack), not the library's", () => {
    const report = runApp('count.mjs', `
      import { enableLogging, getRtLogger } from PACKAGE;
      enableLogging();
      function countUsers() { getRtLogger('api').info('count', 42); }
      countUsers();
    `);
    expect(report).toMatch(/^--- Logging error ---\nTypeError: not all arguments converted during string formatting\nCall stack:\n {4}at countUsers \(file:\/\/[^)]*count\.mjs:4:\d+\)\n {4}at file:\/\/[^)]*count\.mjs:5:\d+\nMessage: 'count'\nArguments: \(42,\)\n/);
    expect(libraryFrames(report)).toEqual([]);
  });

  test("keeps the frames of the user's code that threw (a formatter), then the call stack", () => {
    const report = runApp('formatter.mjs', `
      import { Formatter, StreamHandler, getLogger } from PACKAGE;
      class Broken extends Formatter { format() { throw new Error('my formatter broke'); } }
      const handler = new StreamHandler(process.stderr);
      handler.setFormatter(new Broken());
      getLogger('app').addHandler(handler);
      function work() { getLogger('app').warning('hello %s', 'w'); }
      work();
    `);
    expect(report).toMatch(/^--- Logging error ---\nError: my formatter broke\n {4}at Broken\.format \([^)]*formatter\.mjs:3:\d+\)\nCall stack:\n {4}at work \([^)]*formatter\.mjs:7:\d+\)\n {4}at [^\n]*formatter\.mjs:8:\d+\nMessage: 'hello %s'\nArguments: \('w',\)\n$/);
    expect(libraryFrames(report)).toEqual([]);
  });
});
