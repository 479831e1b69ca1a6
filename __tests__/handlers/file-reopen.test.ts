import { afterAll, afterEach, describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FileHandler, RotatingFileHandler, getLogger } from '../../lib/index.js';
import { resetLogging } from '../../lib/testing/index.js';
import { describeWithPython, runPython } from '../support/python.js';
import { removeTempDirs, tempDir } from '../support/temp-dir.js';

const dir = tempDir('reopen');
afterEach(resetLogging);
afterAll(removeTempDirs);

/** Log `before`, close the handler, log `after` through the same logger, close again. */
function logAroundClose(handler: FileHandler, name: string): void {
  const log = getLogger(name);
  log.addHandler(handler);
  log.warning('before');
  void handler.close();
  log.warning('after close');
  void handler.close();
}

describeWithPython('a FileHandler used after close()', () => {
  test('reopens its file on the next record, as python3 does', async () => {
    const ours = join(dir, 'ours.log');
    logAroundClose(new FileHandler(ours), 'reopen.a');
    const python = join(dir, 'python.log');
    await runPython(`
import logging
h = logging.FileHandler(${JSON.stringify(python)})
log = logging.getLogger('reopen.a')
log.addHandler(h)
log.warning('before')
h.close()
log.warning('after close')
h.close()
`);
    expect(readFileSync(python, 'utf8')).toBe('before\nafter close\n');
    expect(readFileSync(ours, 'utf8')).toBe(readFileSync(python, 'utf8'));
  });
});

describe('a FileHandler used after close() (beyond Python)', () => {
  test("mode 'w' reopens by appending, so the lines written before the close stay", () => {
    const file = join(dir, 'truncating.log');
    logAroundClose(new FileHandler(file, { mode: 'w' }), 'reopen.w');
    expect(readFileSync(file, 'utf8')).toBe('before\nafter close\n');
  });

  test('a rotating handler reopens too', () => {
    const file = join(dir, 'rotating.log');
    logAroundClose(new RotatingFileHandler(file, { maxBytes: 1000, backupCount: 1 }), 'reopen.r');
    expect(readFileSync(file, 'utf8')).toBe('before\nafter close\n');
  });
});
