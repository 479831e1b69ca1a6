import { afterAll, describe, expect, test } from '@jest/globals';
import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { follow } from '../../lib/cli/follow.js';
import { type LogEntry } from '../../lib/reader/index.js';
import { removeTempDirs, tempDir } from '../support/temp-dir.js';

afterAll(removeTempDirs);

const header = (minute: number, level: string, logger: string, message: string) =>
  `2026-11-21 14:${String(minute).padStart(2, '0')}:00,000 - ${minute}.000 - ${level} - ${logger} - ${message}`;

/** Runs `follow` on `file` while `write` appends, and collects what it reports, in order. */
async function collect(file: string, from: number, write: () => Promise<void>): Promise<string[]> {
  const seen: string[] = [];
  const stop = new AbortController();
  const running = follow(file, from, {
    onEntry: (e: LogEntry) => seen.push(`entry ${e.logger} ${JSON.stringify(e.message)}`),
    onOtherLine: (line) => seen.push(`other ${JSON.stringify(line)}`),
  }, stop.signal, { intervalMs: 10 });
  await write();
  stop.abort();
  await running;
  return seen;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('follow', () => {
  test('a text record arrives with the traceback lines written with it; a JSON record never takes them', async () => {
    const file = join(tempDir('follow'), 'run.log');
    writeFileSync(file, `${header(0, 'INFO', 'RT.old', 'before the start')}\n`);
    const from = Buffer.byteLength(`${header(0, 'INFO', 'RT.old', 'before the start')}\n`);
    const seen = await collect(file, from, async () => {
      appendFileSync(file, [
        header(1, 'ERROR', 'RT.api', 'failed'),
        'Traceback (most recent call last):',
        'ValueError: bad',
        '{"timestamp":"2026-11-21T14:02:00.000Z","level":"INFO","logger":"RT.json","message":"structured"}',
        'stray line after JSON',
        header(3, 'INFO', 'RT.db', 'last'),
      ].join('\n') + '\n');
      await pause(100);
    });
    expect(seen).toEqual([
      `entry RT.api ${JSON.stringify('failed\nTraceback (most recent call last):\nValueError: bad')}`,
      'entry RT.json "structured"',
      'other "stray line after JSON"',
      'entry RT.db "last"',
    ]);
  });

  test('traceback lines written in a later poll than their record are reported as other lines, after it', async () => {
    const file = join(tempDir('follow'), 'split.log');
    writeFileSync(file, '');
    const seen = await collect(file, 0, async () => {
      appendFileSync(file, `${header(1, 'ERROR', 'RT.api', 'failed')}\n`);
      await pause(100);
      appendFileSync(file, 'Traceback (most recent call last):\nhalf a line');
      await pause(100);
      appendFileSync(file, ' completed\n');
      await pause(100);
    });
    expect(seen).toEqual(['entry RT.api "failed"', 'other "Traceback (most recent call last):"', 'other "half a line completed"']);
  });
});
