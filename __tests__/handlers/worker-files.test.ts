import { afterAll, describe, expect, test } from '@jest/globals';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runNode } from '../support/child.js';
import { firstMissing, readLines, removeTempDirs, tempDir } from '../support/temp-dir.js';

const script = fileURLToPath(new URL('../../fixtures/files/worker-files.mjs', import.meta.url));
const N = 20_000;
const dir = tempDir('workers');
afterAll(removeTempDirs);

// The worker logs N lines, tells the main thread, and then stays busy (as a worker in a long
// computation would), so nothing it batched could be written by its own event loop.
describe('a FileHandler inside a worker thread loses nothing however the worker ends', () => {
  test('SIGTERM to the process: dies by SIGTERM, every worker line and the main line on disk', async () => {
    const file = join(dir, 'sigterm.log');
    const result = await runNode(script, [file, String(N), 'sigterm']);
    expect(result.signal).toBe('SIGTERM');
    expect(firstMissing(readLines(file), N)).toBe(-1);
    expect(readLines(`${file}.main`)).toEqual(['main started']);
  });

  test('process.exit() in the main thread: every worker line on disk', async () => {
    const file = join(dir, 'exit.log');
    const result = await runNode(script, [file, String(N), 'exit']);
    expect(result.code).toBe(0);
    expect(firstMissing(readLines(file), N)).toBe(-1);
  });

  test('worker.terminate(): every worker line on disk, the main thread carries on', async () => {
    const file = join(dir, 'terminate.log');
    const result = await runNode(script, [file, String(N), 'terminate']);
    expect(result.code).toBe(0);
    expect(firstMissing(readLines(file), N)).toBe(-1);
    expect(readLines(`${file}.main`)).toEqual(['main started', 'worker terminated']);
  });
});
