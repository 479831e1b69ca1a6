/**
 * `rtlog -f` as a user runs it: a real child process following a real file that another
 * writer appends to. Every wait is for output, never for time.
 */
import { afterAll, describe, expect, test } from '@jest/globals';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { removeTempDirs, tempDir } from '../support/temp-dir.js';

const rtlog = fileURLToPath(new URL('../../dist/cli/rtlog.js', import.meta.url));
afterAll(removeTempDirs);

const header = (minute: number, level: string, logger: string, message: string) =>
  `2026-11-21 14:${String(minute % 60).padStart(2, '0')}:00,000 - ${minute}.000 - ${level} - ${logger} - ${message}`;

/** Longer than any wait for output here takes on a loaded machine; only a hang reaches it. */
const HANG_MS = 30_000;

/** A running `rtlog -f`, with what it printed so far and a way to wait for a piece of text. */
class Follower {
  readonly child: ChildProcessWithoutNullStreams;
  stdout = '';
  stderr = '';
  readonly #exited: Promise<number | null>;
  #waiters: { text: string; resolve: () => void }[] = [];

  constructor(args: string[], nodeOptions: string[] = []) {
    this.child = spawn(process.execPath, [...nodeOptions, rtlog, ...args, '-f', '--no-color'], { env: { ...process.env, NO_COLOR: '1' } });
    this.child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      this.stdout += chunk;
      this.#waiters = this.#waiters.filter((w) => (this.stdout.includes(w.text) ? (w.resolve(), false) : true));
    });
    this.child.stderr.setEncoding('utf8').on('data', (chunk: string) => (this.stderr += chunk));
    this.#exited = new Promise((resolve) => this.child.on('close', resolve));
  }

  /**
   * Resolves once stdout contains `text`; rejects if rtlog ends first (a crash, an out-of-memory)
   * or prints nothing of the kind for HANG_MS (a hang: the test then fails and stops rtlog
   * instead of waiting for Jest's timeout and leaving it running).
   */
  waitFor(text: string): Promise<void> {
    if (this.stdout.includes(text)) return Promise.resolve();
    let timer: NodeJS.Timeout | undefined;
    return Promise.race([
      new Promise<void>((resolve) => this.#waiters.push({ text, resolve })),
      this.#exited.then((code) => { throw new Error(`rtlog ended (${code}) before printing ${JSON.stringify(text)}:\n${this.stderr}`); }),
      new Promise<void>((_resolve, reject) => {
        timer = setTimeout(() => reject(new Error(`rtlog printed no ${JSON.stringify(text)} in ${HANG_MS} ms; it printed:\n${this.stdout}`)), HANG_MS);
      }),
    ]).finally(() => clearTimeout(timer));
  }

  async stop(): Promise<number | null> {
    this.child.kill('SIGINT');
    return this.#exited;
  }
}

describe('rtlog -f', () => {
  test('a traceback line appended under a record of the first page is printed under it', async () => {
    const file = join(tempDir('follow-first-page'), 'run.log');
    writeFileSync(file, `${header(1, 'ERROR', 'RT.api', 'request failed')}\nTraceback (most recent call last):\n`);
    const rtlogRun = new Follower([file]);
    try {
      await rtlogRun.waitFor('Traceback (most recent call last):');
      appendFileSync(file, `  File "agent.py", line 7, in run\nValueError: bad input\n${header(2, 'INFO', 'RT.api', 'next request')}\n`);
      await rtlogRun.waitFor('next request');
    } finally {
      expect(await rtlogRun.stop()).toBe(0);
    }
    const printed = rtlogRun.stdout.split('\n');
    const failed = printed.findIndex((l) => l.endsWith('request failed'));
    expect(printed.slice(failed + 1, failed + 4)).toEqual(['    Traceback (most recent call last):', '      File "agent.py", line 7, in run', '    ValueError: bad input']);
  });

  test('--rotated: the first page spans the backups, and a traceback line under its newest record is printed', async () => {
    const file = join(tempDir('follow-rotated'), 'app.log');
    writeFileSync(`${file}.2`, `${header(1, 'INFO', 'RT.api', 'in backup 2')}\n`);
    writeFileSync(`${file}.1`, `${header(2, 'INFO', 'RT.api', 'in backup 1')}\nwith a traceback line\n`);
    writeFileSync(file, `${header(3, 'ERROR', 'RT.api', 'current failed')}\n`);
    const rtlogRun = new Follower([file, '--rotated']);
    try {
      await rtlogRun.waitFor('current failed');
      appendFileSync(file, `current traceback\n${header(4, 'INFO', 'RT.api', 'current next')}\n`);
      await rtlogRun.waitFor('current next');
    } finally {
      expect(await rtlogRun.stop()).toBe(0);
    }
    expect(rtlogRun.stdout.split('\n').map((l) => l.replace(/^.*RT\.api: /, ''))).toEqual(
      ['in backup 2', 'in backup 1', '    with a traceback line', 'current failed', '    current traceback', 'current next', '']);
  });

  test('a traceback line under a first-page record the filter dropped stays hidden', async () => {
    const file = join(tempDir('follow-first-page'), 'run.log');
    writeFileSync(file, `${header(1, 'INFO', 'RT.db', 'kept')}\n${header(2, 'ERROR', 'RT.api', 'dropped by the filter')}\n`);
    const rtlogRun = new Follower([file, '--logger', 'RT.db']);
    try {
      await rtlogRun.waitFor('kept');
      appendFileSync(file, `api traceback line\n${header(3, 'INFO', 'RT.db', 'kept again')}\n`);
      await rtlogRun.waitFor('kept again');
    } finally {
      await rtlogRun.stop();
    }
    expect(rtlogRun.stdout).not.toContain('api traceback line');
  });

  test('following through many polls leaves no listener behind (no MaxListenersExceededWarning)', async () => {
    const file = join(tempDir('follow-polls'), 'run.log');
    writeFileSync(file, `${header(0, 'INFO', 'RT.poll', 'record 0')}\n`);
    const rtlogRun = new Follower([file]);
    try {
      await rtlogRun.waitFor('record 0');
      // Each record is printed by a later poll than the one before it: 15 polls at least.
      for (let i = 1; i <= 15; i++) {
        appendFileSync(file, `${header(i, 'INFO', 'RT.poll', `record ${i}`)}\n`);
        await rtlogRun.waitFor(`record ${i}\n`);
      }
    } finally {
      expect(await rtlogRun.stop()).toBe(0);
    }
    expect(rtlogRun.stderr).not.toContain('MaxListenersExceededWarning');
    expect(rtlogRun.stderr).toBe('');
  });

  test('a line of 64 MiB written while following goes by in a 48 MiB heap, cut to the record cap', async () => {
    const file = join(tempDir('follow-long'), 'run.log');
    writeFileSync(file, `${header(0, 'INFO', 'RT.big', 'start')}\n`);
    const rtlogRun = new Follower([file], ['--max-old-space-size=48']);
    try {
      await rtlogRun.waitFor('start');
      const mib = Buffer.alloc(1024 * 1024, 'y');
      appendFileSync(file, `${header(1, 'INFO', 'RT.big', 'huge ')}`);
      for (let i = 0; i < 64; i++) appendFileSync(file, mib);
      appendFileSync(file, `\n${header(2, 'INFO', 'RT.big', 'after the huge one')}\n`);
      await rtlogRun.waitFor('after the huge one');
    } finally {
      expect(await rtlogRun.stop()).toBe(0);
    }
    expect(rtlogRun.stdout).toMatch(/huge y+ … \[line cut: \d+ bytes, the first 1048576 kept\]/);
  });
});
