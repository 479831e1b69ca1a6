/**
 * A page of a large file is served with memory independent of the file's size: the server runs
 * in a child with a small heap and reports its peak resident memory, which stays far below the
 * file's size even for a query that scans the whole file.
 */
import { afterAll, expect, test } from '@jest/globals';
import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runNodeModule } from '../support/child.js';
import { removeTempDirs, tempDir } from '../support/temp-dir.js';

const viewerEntry = fileURLToPath(new URL('../../dist/viewer/index.js', import.meta.url));
const file = join(tempDir('viewer-large'), 'big.log');
afterAll(() => {
  rmSync(file, { force: true });
  removeTempDirs();
});

const MIB = 1024 * 1024;
const FILE_MIB = 320;

function writeLargeFile(): void {
  const line = (i: number, level = 'INFO', text = `bulk line ${i} ${'x'.repeat(60)}`) =>
    `2026-11-21 14:00:00,000 - 0.000 - ${level} - RT.bulk - ${text}\n`;
  const lines: string[] = [];
  for (let i = 0, bytes = 0; bytes < MIB; i++) bytes += Buffer.byteLength(lines[lines.push(line(i)) - 1]!);
  const chunk = Buffer.from(lines.join(''));
  const fd = openSync(file, 'w');
  writeSync(fd, line(0, 'CRITICAL', 'the very first record'));
  for (let i = 0; i < FILE_MIB; i++) writeSync(fd, chunk);
  writeSync(fd, line(0, 'WARNING', 'the newest record'));
  closeSync(fd);
}

test(`a ${FILE_MIB} MiB file: page 0, the next page by cursor and a whole-file scan in a 48 MiB heap`, async () => {
  writeLargeFile();
  const out = await runNodeModule(`
    const { createLogServer } = await import(${JSON.stringify(viewerEntry)});
    const viewer = await createLogServer({ files: [${JSON.stringify(file)}] });
    const get = async (q) => (await fetch(new URL('/api/logs?file=big.log&' + q, viewer.url))).json();
    const first = await get('page_size=100');
    const second = await get('page_size=100&before=' + first.next_before);
    const scan = await get('level=CRITICAL');
    await viewer.close();
    process.stdout.write(JSON.stringify({
      first: [first.logs.length, first.logs[0].message, first.has_more],
      second: [second.logs.length, second.logs[0].offset < first.logs[99].offset],
      scan: scan.logs.map((r) => r.message),
      maxRssMiB: process.resourceUsage().maxRSS / 1024,
    }));
  `, '', { NODE_OPTIONS: '--max-old-space-size=48' });
  const result = JSON.parse(out);
  expect(result.first).toEqual([100, 'the newest record', true]);
  expect(result.second).toEqual([100, true]);
  expect(result.scan).toEqual(['the very first record']);
  expect(result.maxRssMiB).toBeLessThan(FILE_MIB / 2);
}, 300_000);
