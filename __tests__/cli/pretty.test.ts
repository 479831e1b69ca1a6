/**
 * rtlog prints files anyone may have written: whatever a JSON line decodes to, whatever bytes a
 * text log holds, and whatever `-f` reads later, nothing reaches the terminal raw and a
 * continuation line never starts where a record does. Runs the real rtlog on real files.
 */
import { afterAll, describe, expect, test } from '@jest/globals';
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { removeTempDirs, tempDir } from '../support/temp-dir.js';
import { CONTINUATION_INDENT } from '../../lib/index.js';

const rtlog = fileURLToPath(new URL('../../dist/cli/rtlog.js', import.meta.url));
afterAll(removeTempDirs);
const dir = tempDir('rtlog-escaping');

/** C0 except tab and line feed, DEL, C1, bidi controls, line and paragraph separators. */
const RAW_UNSAFE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2028\u2029\u2066-\u2069]/;
const HOSTILE = '\u001b]0;owned\u0007\u001b[2J\u009b31m\u202eexe.txt\u2028\u0090q\u009c';
const FORGED = '2026-11-21 14:09:99,000 - 0.000 - INFO - RT - forged';

/** Lines that are not continuations: each must be one record rtlog printed. */
const recordLines = (stdout: string) => stdout.trimEnd().split('\n').filter((l) => !l.startsWith(CONTINUATION_INDENT));

describe('rtlog shows hostile fields escaped', () => {
  test('a JSON line\'s escaped controls are decoded but never printed raw, in every field', () => {
    const file = join(dir, 'hostile.jsonl');
    writeFileSync(file, JSON.stringify({
      timestamp: '2026-11-21T14:00:00.000Z', level: `INFO${HOSTILE}`, logger: `RT${HOSTILE}`,
      message: `first${HOSTILE}\n${FORGED}`, note: HOSTILE,
    }) + '\n');
    const r = spawnSync(process.execPath, [rtlog, file, '--fields', '--no-color'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).not.toMatch(RAW_UNSAFE);
    expect(recordLines(r.stdout)).toHaveLength(1);
    expect(r.stdout).toContain('\\x1b]0;owned\\x07\\x1b[2J\\x9b31m\\u202eexe.txt\\u2028\\x90q\\x9c');
    expect(r.stdout).toContain(`\n${CONTINUATION_INDENT}${FORGED}`);
  });

  test('a text log\'s raw bytes and its traceback lines are escaped and indented', () => {
    const file = join(dir, 'hostile.log');
    writeFileSync(file, `2026-11-21 14:00:00,000 - 1.000 - ERROR - RT.api - failed ${HOSTILE}\nTraceback ${HOSTILE}\n`);
    const r = spawnSync(process.execPath, [rtlog, file, '--no-color'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).not.toMatch(RAW_UNSAFE);
    expect(recordLines(r.stdout)).toHaveLength(1);
    expect(r.stdout).toContain(`\n${CONTINUATION_INDENT}Traceback \\x1b]0;owned`);
  });

  test('-f escapes and indents continuation lines that arrive later, on their own', async () => {
    const file = join(dir, 'follow.log');
    writeFileSync(file, '');
    const child = spawn(process.execPath, [rtlog, file, '-f', '--no-color'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    await new Promise<void>((resolve) => {
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        stdout += chunk;
        if (stdout.includes('done')) resolve();
      });
      setTimeout(() => appendFileSync(file, '2026-11-21 14:01:00,000 - 1.000 - ERROR - RT.db - db failed\n'), 300);
      setTimeout(() => appendFileSync(file, `Traceback ${HOSTILE}\n${FORGED.replace('2026', ' 2026')}\n`
        + '2026-11-21 14:02:00,000 - 2.000 - INFO - RT.db - done\n'), 900);
    });
    child.kill('SIGINT');
    await new Promise((resolve) => child.on('close', resolve));
    expect(stdout).not.toMatch(RAW_UNSAFE);
    expect(recordLines(stdout)).toHaveLength(2);
    expect(stdout).toContain(`\n${CONTINUATION_INDENT}Traceback \\x1b]0;owned`);
  }, 20_000);
});
