import { afterAll, describe, expect, test } from '@jest/globals';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runNode } from '../support/child.js';
import { firstMissing, readLines, removeTempDirs, tempDir } from '../support/temp-dir.js';

const script = fileURLToPath(new URL('../../fixtures/files/exit-listener.mjs', import.meta.url));
const N = 5000;
const dir = tempDir('exit-listener');
afterAll(removeTempDirs);

describe("lines logged in an application's 'exit' listener reach the file", () => {
  test.each(['exit', 'natural'])('a listener registered after the first record, process ending by %s', async (end) => {
    const file = join(dir, `${end}.log`);
    const result = await runNode(script, [file, String(N), end]);
    expect(result.code).toBe(0);
    const lines = readLines(file);
    expect(firstMissing(lines.slice(0, N), N)).toBe(-1);
    expect(lines.slice(N)).toEqual(['logged in exit listener, code 0', 'to a file opened during exit']);
    expect(readLines(`${file}.late`)).toEqual(['to a file opened during exit']);
  });
});
