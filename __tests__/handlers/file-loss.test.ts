import { afterAll, describe, expect, test } from '@jest/globals';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runNode } from '../support/child.js';
import { firstMissing, readLines, removeTempDirs, tempDir } from '../support/temp-dir.js';

const script = fileURLToPath(new URL('../../fixtures/files/log-and-end.mjs', import.meta.url));
const N = 100_000;
const dir = tempDir('loss');
afterAll(removeTempDirs);

describe('a batched FileHandler loses nothing however the process ends', () => {
  test.each(['exit', 'throw', 'reject', 'natural'])('100,000 lines survive a child that ends by %s', async (end) => {
    const file = join(dir, `${end}.log`);
    const result = await runNode(script, [file, end, String(N), 'batched']);
    expect(result.signal).toBeNull();
    expect(result.code).toBe(end === 'exit' || end === 'natural' ? 0 : 1);
    expect(firstMissing(readLines(file), N)).toBe(-1);
  });

  test('SIGTERM leaves all 100,000 lines and the process still dies by SIGTERM', async () => {
    const file = join(dir, 'sigterm.log');
    const result = await runNode(script, [file, 'sigterm', String(N), 'batched']);
    expect(result.signal).toBe('SIGTERM');
    expect(firstMissing(readLines(file), N)).toBe(-1);
  });

  test('SIGINT leaves all lines and the process still dies by SIGINT', async () => {
    const file = join(dir, 'sigint.log');
    const result = await runNode(script, [file, 'sigint', '5000', 'batched']);
    expect(result.signal).toBe('SIGINT');
    expect(firstMissing(readLines(file), 5000)).toBe(-1);
  });

  test("an application's own SIGINT listener still decides how the process ends", async () => {
    const file = join(dir, 'user-sigint.log');
    const result = await runNode(script, [file, 'user-sigint', '5000', 'batched']);
    expect(result.signal).toBeNull();
    expect(result.code).toBe(3);
    expect(firstMissing(readLines(file), 5000)).toBe(-1);
  });

  test('lines logged more than 100 ms before a SIGKILL are on disk', async () => {
    const file = join(dir, 'sigkill.log');
    const result = await runNode(script, [file, 'sigkill', '20000', 'batched'], (c) => c.kill('SIGKILL'));
    expect(result.signal).toBe('SIGKILL');
    expect(firstMissing(readLines(file), 20000)).toBe(-1);
  });
});

describe('a sync FileHandler writes through', () => {
  test('every line is on disk after process.exit()', async () => {
    const file = join(dir, 'sync.log');
    const result = await runNode(script, [file, 'exit', '20000', 'sync']);
    expect(result.code).toBe(0);
    expect(firstMissing(readLines(file), 20000)).toBe(-1);
  });
});
