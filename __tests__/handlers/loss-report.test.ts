import { afterAll, describe, expect, test } from '@jest/globals';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runNode } from '../support/child.js';
import { removeTempDirs, tempDir } from '../support/temp-dir.js';

const script = fileURLToPath(new URL('../../fixtures/files/unwritable-to-the-end.mjs', import.meta.url));
const COUNT = 1000;
afterAll(removeTempDirs);

/** What the writer holds and drops under a 4096-byte bound: line 0 from the failed batch, then lines 1..COUNT. */
function expectedLoss(): { dropped: number; held: number } {
  let held = 'line 0\n'.length;
  let dropped = 0;
  for (let i = 1; i <= COUNT; i++) {
    const size = `line ${i}\n`.length;
    if (held + size > 4096) dropped++;
    else held += size;
  }
  return { dropped, held };
}

describe('a file that never becomes writable again: the loss is reported on stderr with its size', () => {
  // A regular file where the directory should be: every open fails with ENOTDIR.
  const blocker = join(tempDir('never'), 'not-a-directory');

  test.each(['exit', 'close'])('ending by %s reports the dropped records and the bytes never written', async (end) => {
    const { writeFileSync } = await import('node:fs');
    writeFileSync(blocker, 'x');
    const result = await runNode(script, [join(blocker, `${end}.log`), String(COUNT), end]);
    expect(result.code).toBe(0);
    const { dropped, held } = expectedLoss();
    expect(dropped).toBeGreaterThan(0);
    expect(result.stderr).toContain(`stayed unwritable to the end: ${dropped} record(s) were dropped and ${held} byte(s) held in memory were never written`);
    // The outage itself and the final loss: two reports, not one per record.
    expect(result.stderr.match(/--- Logging error ---/g)).toHaveLength(2);
  });
});
