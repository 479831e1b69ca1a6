/**
 * Readers on hostile files: memory bounded per record, time linear in the bytes read. Each read
 * runs in a child node with a small heap and a kill timeout, so that an out-of-memory or a
 * superlinear scan fails the test instead of the test run.
 */
import { afterAll, describe, expect, test } from '@jest/globals';
import { spawn } from 'node:child_process';
import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { removeTempDirs, tempDir } from '../support/temp-dir.js';

afterAll(removeTempDirs);
const reader = new URL('../../dist/reader/index.js', import.meta.url).href;
const rtlog = fileURLToPath(new URL('../../dist/cli/rtlog.js', import.meta.url));

/** A hostile read may take this long before it counts as a hang (the fixed readers take well under 2 s here). */
const KILL_AFTER_MS = 60_000;

interface Shown { first: string; second: string; last: string; length: number }
interface Outcome { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }

function runLimited(args: string[]): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--max-old-space-size=48', ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), KILL_AFTER_MS);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

function readInChild(file: string): Promise<Outcome> {
  const script = `import { readLogs } from ${JSON.stringify(reader)};
    const page = await readLogs(${JSON.stringify(file)}, { pageSize: 3 });
    const shown = (line) => line.length > 200 ? line.slice(0, 100) + '…' + line.slice(-100) : line;
    console.log(JSON.stringify(page.records.map((r) => {
      const lines = r.message.split('\\n');
      return { first: shown(lines[0]), second: shown(lines[1] ?? ''), last: shown(lines[lines.length - 1]), length: r.message.length };
    })));`;
  return runLimited(['--input-type=module', '-e', script]);
}

/** Write `blocks` of 1 MiB made by `block(i)` after `head`, then `tail`. */
function writeFile(file: string, head: string, blocks: number, block: Buffer, tail: string): void {
  const fd = openSync(file, 'w');
  writeSync(fd, head);
  for (let i = 0; i < blocks; i++) writeSync(fd, block);
  writeSync(fd, tail);
  closeSync(fd);
}

describe('readers on hostile files', () => {
  const dir = tempDir('bounded');
  const header = (s: number, message: string) => `2026-11-21 14:00:${String(s).padStart(2, '0')},000 - ${s}.000 - ERROR - RT.app - ${message}`;

  // 2.5 M header-less lines (about 24 MiB) under one record: a traceback without end.
  const continuations = join(dir, 'continuations.log');
  writeFile(continuations, `${header(1, 'older')}\n${header(2, 'endless traceback')}\n`, 24, Buffer.from('  at x()\n'.repeat(116_508)), 'the last line\n');

  test('readLogs keeps a record with millions of traceback lines to its cap, with a note of the rest', async () => {
    const r = await readInChild(continuations);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const records = JSON.parse(r.stdout) as Shown[];
    expect(records.map((x) => x.first)).toEqual(['endless traceback', 'older']);
    expect(records[0]!.second).toMatch(/^… \[\d+ lines \(\d+ bytes\) not kept: a record keeps 1048576 bytes of traceback\]$/);
    expect(records[0]!.last).toBe('the last line');
    expect(records[0]!.length).toBeLessThan(1_100_000);
  });

  test('rtlog prints that record in a 48 MiB heap', async () => {
    const r = await runLimited([rtlog, continuations, '-n', '5']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('endless traceback');
    expect(r.stdout).toContain('the last line');
  });

  // One line of 96 MiB: read backwards it arrives in 1,536 chunks of 64 KiB.
  const longLine = join(dir, 'long-line.log');
  writeFile(longLine, `${header(1, 'before')}\n${header(2, 'huge ')}`, 96, Buffer.alloc(1024 * 1024, 'é'.normalize()), `\n${header(3, 'newest')}\n`);

  test('a 96 MiB line is read in a 48 MiB heap, linearly, and cut at a character boundary to the cap', async () => {
    const r = await readInChild(longLine);
    expect(r.signal).toBeNull();
    expect(r.stderr).toBe('');
    const records = JSON.parse(r.stdout) as Shown[];
    expect(records.map((x) => x.first.slice(0, 7))).toEqual(['newest', 'huge éé', 'before']);
    expect(records[1]!.length).toBeLessThan(1_100_000);
    expect(records[1]!.last).toMatch(/é … \[line cut: \d+ bytes, the first \d+ kept\]$/);
    expect(records[1]!.last).not.toContain('\ufffd');
  });

  test('rtlog prints it too', async () => {
    const r = await runLimited([rtlog, longLine, '-n', '5']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/RT\.app: huge é+ … \[line cut: \d+ bytes, the first \d+ kept\]\n.*newest\n$/);
  });

  test('a JSON record longer than the cap (a 3 MiB prompt) is still a record: level, logger, the message as far as kept', async () => {
    const file = join(dir, 'big-record.jsonl');
    const record = (message: string, more: object = {}) => JSON.stringify({ timestamp: '2026-11-21T14:00:00.000Z', level: 'INFO', logger: 'RT.llm', message, ...more });
    writeFile(file, `${record('before')}\n`, 0, Buffer.alloc(0), `${record('prompt "quoted" é'.repeat(200_000), { tokens: 1 })}\n${record('after')}\n`);
    const r = await readInChild(file);
    expect(r.stderr).toBe('');
    const records = JSON.parse(r.stdout) as Shown[];
    expect(records.map((x) => x.first.slice(0, 16))).toEqual(['after', 'prompt "quoted" ', 'before']);
    expect(records[1]!.last).toMatch(/é?prompt "quoted" é?.* … \[line cut: \d+ bytes, the first 1048576 kept\]$/);
    const shown = await runLimited([rtlog, file, '-n', '5']);
    expect(shown.stdout).toMatch(/RT\.llm: before\n.*RT\.llm: prompt "quoted" é.* … \[line cut: \d+ bytes, the first 1048576 kept\]\n.*RT\.llm: after\n$/);
  });
});
