import { afterAll, describe, expect, test } from '@jest/globals';
import { fileURLToPath } from 'node:url';
import { runNode } from '../support/child.js';
import { readLines, removeTempDirs, tempDir } from '../support/temp-dir.js';

const script = fileURLToPath(new URL('../../fixtures/files/idle-files.mjs', import.meta.url));
const SESSIONS = 1000;
afterAll(removeTempDirs);

describe('idle file handlers hold no staging buffer', () => {
  test('1,000 open session files, each idle after its first line, keep well under one 128 KiB buffer each', async () => {
    const dir = tempDir('idle');
    const result = await runNode(script, [dir, String(SESSIONS)]);
    expect(result.code).toBe(0);
    const { before, after, handlers } = JSON.parse(result.stdout) as { before: number; after: number; handlers: number };
    expect(handlers).toBe(SESSIONS);
    // One buffer each would be 125 MiB; the writer keeps at most 4 spare 128 KiB buffers per thread.
    expect(after - before).toBeLessThan(4 * 128 * 1024 + 1024 * 1024);
    expect(readLines(`${dir}/session-${SESSIONS - 1}.log`)).toEqual([`session ${SESSIONS - 1} started`]);
  });
});
