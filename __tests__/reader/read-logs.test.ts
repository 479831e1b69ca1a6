import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { extra, FILE_FORMAT, FileHandler, Formatter, getRtLogger, JsonFormatter, RotatingFileHandler, setClock } from '../../lib/index.js';
import { removeTempDirs, tempDir } from '../support/temp-dir.js';
import { readLinesBackward, readLogs } from '../../lib/reader/index.js';
import { resetLogging } from '../../lib/testing/index.js';

afterEach(async () => {
  setClock();
  await resetLogging();
});
afterAll(removeTempDirs);

const T0 = Date.UTC(2026, 10, 21, 14, 0, 0);

/** Write records through real handlers: one minute apart, alternating loggers and levels. */
function writeLog(file: string, formatter: Formatter) {
  const handler = new FileHandler(file);
  handler.setFormatter(formatter);
  const root = getRtLogger();
  root.setLevel('DEBUG');
  root.addHandler(handler);
  const levels = ['debug', 'info', 'warning', 'error'] as const;
  for (let i = 0; i < 40; i++) {
    setClock(() => T0 + i * 60_000);
    getRtLogger(i % 2 === 0 ? 'worker' : 'worker.db')[levels[i % 4]!]('record %d', i, extra({ i }));
  }
  setClock(() => T0 + 40 * 60_000);
  getRtLogger('api').exception('request failed', new Error('socket closed'));
  handler.close();
  root.removeHandler(handler);
}

describe.each([
  ['text layout', () => new Formatter(FILE_FORMAT)],
  ['JSON lines', () => new JsonFormatter()],
])('readLogs on %s', (_label, makeFormatter) => {
  const file = join(tempDir('read'), 'run.log');
  beforeAll(() => {
    writeLog(file, makeFormatter());
    setClock();
  });

  test('returns the newest records first, a page at a time, with hasMore', async () => {
    const first = await readLogs(file, { pageSize: 5 });
    expect(first).toMatchObject({ page: 0, pageSize: 5, hasMore: true });
    expect(first.records.map((r) => r.message.split('\n')[0])).toEqual(['request failed', 'record 39', 'record 38', 'record 37', 'record 36']);
    expect(first.records[0]).toMatchObject({ level: 'ERROR', levelno: 40, logger: 'RT.api', time: T0 + 40 * 60_000 });
    const last = await readLogs(file, { pageSize: 5, page: 8 });
    expect(last.records.map((r) => r.message)).toEqual(['record 0']);
    expect(last.hasMore).toBe(false);
  });

  test('match adds a test of the caller\'s own; an aborted signal stops the reading', async () => {
    const sevens = await readLogs(file, { pageSize: 3, match: (e) => e.message.endsWith('7') });
    expect(sevens.records.map((r) => r.message)).toEqual(['record 37', 'record 27', 'record 17']);
    expect(sevens.hasMore).toBe(true);
    const stopped = new AbortController();
    stopped.abort();
    expect(await readLogs(file, { signal: stopped.signal })).toMatchObject({ records: [], hasMore: false });
  });

  test('nextBefore walks every page, filtered, with the same records as page numbers and nothing re-read', async () => {
    const byNumber: string[][] = [];
    const byCursor: string[][] = [];
    for (let page = 0; ; page++) {
      const p = await readLogs(file, { pageSize: 3, level: 'WARNING', page });
      byNumber.push(p.records.map((r) => r.message.split('\n')[0]!));
      if (!p.hasMore) break;
    }
    let before: number | undefined;
    let readFrom = -1;
    for (;;) {
      const p = await readLogs(file, {
        pageSize: 3, level: 'WARNING', chunkSize: 64, ...(before !== undefined ? { before } : {}),
        onProgress: (_scanned, total) => (readFrom = total),
      });
      byCursor.push(p.records.map((r) => r.message.split('\n')[0]!));
      if (!p.hasMore) {
        expect(p.nextBefore).toBeUndefined();
        break;
      }
      expect(p.nextBefore).toBe(p.records[p.records.length - 1]!.offset);
      // A page read from a cursor starts reading there, not at the end of the file.
      if (before !== undefined) expect(readFrom).toBe(before);
      before = p.nextBefore;
    }
    expect(byCursor).toEqual(byNumber);
    expect(byCursor.flat()).toHaveLength(21); // 20 WARNING/ERROR records and the failure
  });

  test('keeps the traceback with its record', async () => {
    const [failure] = (await readLogs(file, { pageSize: 1 })).records;
    const trace = failure!.format === 'text' ? failure!.message : JSON.stringify(failure!.fields.exception);
    expect(trace).toContain('socket closed');
  });

  test('filters by minimum level, logger subtree and time window', async () => {
    const errors = await readLogs(file, { level: 'ERROR', pageSize: 100 });
    expect(errors.records.every((r) => (r.levelno ?? 0) >= 40)).toBe(true);
    expect(errors.records).toHaveLength(11);
    const db = await readLogs(file, { logger: 'RT.worker.db', pageSize: 100 });
    expect(db.records).toHaveLength(20);
    expect((await readLogs(file, { logger: 'RT.worker', pageSize: 100 })).records).toHaveLength(40);
    const window = await readLogs(file, { since: new Date(T0 + 10 * 60_000), until: T0 + 12 * 60_000 });
    expect(window.records.map((r) => r.message)).toEqual(['record 12', 'record 11', 'record 10']);
    expect(window.hasMore).toBe(false);
  });
});

describe('readLinesBackward', () => {
  test('splits on newlines only, across chunk boundaries inside multi-byte characters, with or without a final newline', async () => {
    const dir = tempDir('lines');
    const lines = ['héllo wörld', '', 'emoji 😀😀 line', 'crlf line'];
    for (const [name, text] of [['a', `${lines.join('\n')}\n`], ['b', lines.join('\n')], ['c', `${lines.slice(0, 3).join('\n')}\ncrlf line\r\n`]] as const) {
      writeFileSync(join(dir, name), text);
      const read: string[] = [];
      for await (const { text: line } of readLinesBackward(join(dir, name), { chunkSize: 3 })) read.push(line);
      expect(read).toEqual([...lines].reverse());
    }
  });

  test('rejects bad paging options with the fix', async () => {
    await expect(readLogs('x.log', { pageSize: 0 })).rejects.toThrow(/pageSize must be a whole number ≥ 1/);
    await expect(readLogs('x.log', { since: 'yesterday-ish' })).rejects.toThrow(/since must be a Date/);
    await expect(readLogs('x.log', { before: -1 })).rejects.toThrow(/before must be a byte offset .*nextBefore/);
  });
});

describe('readLogs on a file of several hundred MB', () => {
  test('returns page 0 newest first after reading only its tail, and a full scan runs in a small heap', async () => {
    const file = join(tempDir('big'), 'big.log');
    // 300 MiB of 1 KiB text records, written in 1 MiB chunks, then three recognisable ones.
    const line = `2026-11-21 14:00:00,000 - 1.000 - INFO - RT.bulk - ${'x'.repeat(1024 - 53)}\n`;
    const chunk = Buffer.from(line.repeat(1024));
    const fd = openSync(file, 'w');
    for (let i = 0; i < 300; i++) writeSync(fd, chunk);
    writeSync(fd, '2026-11-21 15:00:00,000 - 2.000 - CRITICAL - RT.tail - first of the tail\n');
    writeSync(fd, '2026-11-21 15:00:01,000 - 3.000 - WARNING - RT.tail - second of the tail\n');
    writeSync(fd, '2026-11-21 15:00:02,000 - 4.000 - INFO - RT.tail - newest\n');
    closeSync(fd);
    try {
      let scanned = 0;
      const page = await readLogs(file, { pageSize: 3, onProgress: (s) => (scanned = s) });
      expect(page.records.map((r) => r.message)).toEqual(['newest', 'second of the tail', 'first of the tail']);
      expect(page.hasMore).toBe(true);
      expect(scanned).toBeLessThanOrEqual(128 * 1024);

      // A filter that matches one record reads all 300 MiB; a 48 MiB heap proves it streams.
      const script = `import { readLogs } from ${JSON.stringify(new URL('../../dist/reader/index.js', import.meta.url).href)};
        const page = await readLogs(${JSON.stringify(file)}, { level: 'CRITICAL' });
        console.log(JSON.stringify(page.records.map((r) => r.message)));`;
      const child = spawnSync(process.execPath, ['--max-old-space-size=48', '--input-type=module', '-e', script], { encoding: 'utf8' });
      expect(child.stderr).toBe('');
      expect(JSON.parse(child.stdout)).toEqual(['first of the tail']);
    } finally {
      rmSync(file, { force: true });
    }
  });
});

describe('readLogs right after logging', () => {
  test('finds the records this process just logged to that file, before the end of the turn', async () => {
    const file = join(tempDir('own-writes'), 'logs', 'run.log');
    const handler = new FileHandler(file);
    handler.setFormatter(new Formatter(FILE_FORMAT));
    getRtLogger().addHandler(handler);
    getRtLogger('app').warning('saved %d', 1);
    getRtLogger('app').warning('saved %d', 2);
    // No await before this call: the batch is still in memory and the file does not exist yet.
    expect((await readLogs(file)).records.map((r) => r.message)).toEqual(['saved 2', 'saved 1']);
  });

  test('also through a relative path and a rotating handler', async () => {
    const folder = tempDir('own-writes-relative');
    const cwd = process.cwd();
    process.chdir(folder);
    try {
      const handler = new RotatingFileHandler('app.log', { maxBytes: 1_000_000, backupCount: 2 });
      handler.setFormatter(new Formatter(FILE_FORMAT));
      getRtLogger().addHandler(handler);
      getRtLogger('app').error('right away');
      expect((await readLogs(join(folder, 'app.log'))).records.map((r) => r.message)).toEqual(['right away']);
    } finally {
      process.chdir(cwd);
    }
  });

  test('a log one of our handlers will write, before its first line, reads as empty; any other missing file is ENOENT', async () => {
    const folder = tempDir('own-writes-empty');
    const handler = new FileHandler(join(folder, 'quiet.log'));
    getRtLogger().addHandler(handler);
    await expect(readLogs(join(folder, 'quiet.log'))).resolves.toMatchObject({ records: [], hasMore: false });
    await expect(readLogs(join(folder, 'stranger.log'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('readLogs on a rotated set', () => {
  test('reads app.log and app.log.1 … as one log, newest first, each record naming its file', async () => {
    const file = join(tempDir('rotated-read'), 'app.log');
    const handler = new RotatingFileHandler(file, { maxBytes: 300, backupCount: 20 });
    handler.setFormatter(new Formatter(FILE_FORMAT));
    getRtLogger().setLevel('INFO');
    getRtLogger().addHandler(handler);
    for (let i = 0; i < 30; i++) getRtLogger('rot').info('record %d', i);
    handler.close();
    const all = await readLogs(file, { rotated: true, pageSize: 100 });
    expect(all.records.map((r) => r.message)).toEqual(Array.from({ length: 30 }, (_, i) => `record ${29 - i}`));
    expect(new Set(all.records.map((r) => r.file)).size).toBeGreaterThan(3);
    expect(all.records[0]!.file).toBe(file);
    expect(all.records[29]!.file).toMatch(/app\.log\.\d+$/);
    // Offsets run through the set: strictly decreasing, newest first, and usable as `before`.
    const offsets = all.records.map((r) => r.offset);
    expect(offsets).toEqual([...offsets].sort((a, b) => b - a));
    const rest = await readLogs(file, { rotated: true, pageSize: 100, before: all.records[9]!.offset });
    expect(rest.records.map((r) => r.message)).toEqual(Array.from({ length: 20 }, (_, i) => `record ${19 - i}`));
    // Without `rotated`, only the current file.
    expect((await readLogs(file, { pageSize: 100 })).records.length).toBeLessThan(30);
  });

  test('a set whose current file is gone (just rotated away) still reads its backups; nothing at all is ENOENT', async () => {
    const folder = tempDir('rotated-gone');
    const file = join(folder, 'app.log');
    writeFileSync(`${file}.1`, '2026-11-21 10:00:00,000 - 1.000 - INFO - RT.x - in the backup\n');
    expect((await readLogs(file, { rotated: true })).records.map((r) => r.message)).toEqual(['in the backup']);
    await expect(readLogs(join(folder, 'none.log'), { rotated: true })).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
