import { afterAll, afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FileHandler, Formatter, getRtLogger, WatchedFileHandler } from '../../lib/index.js';
import { setErrorSink } from '../../lib/core/logging-errors.js';
import { firstMissing, readLines, removeTempDirs, tempDir } from '../support/temp-dir.js';
import { resetLogging } from '../../lib/testing/index.js';
import { worldReadableRuntime } from '../support/world-readable.js';

let reports: string[] = [];
beforeEach(() => {
  reports = [];
  setErrorSink((text) => reports.push(text));
});
afterEach(async () => {
  setErrorSink();
  await resetLogging();
});
afterAll(removeTempDirs);

const turn = () => new Promise((resolve) => setImmediate(resolve));
const errorReports = () => reports.filter((r) => r.startsWith('--- Logging error ---'));

/** A broken handler and a healthy sibling on the same logger. */
function pair(brokenPath: string, options: ConstructorParameters<typeof FileHandler>[1] = {}) {
  const broken = new FileHandler(brokenPath, options);
  const sibling = new FileHandler(join(tempDir('sibling'), 'ok.log'));
  const log = getRtLogger('disk');
  log.setLevel('INFO');
  for (const h of [broken, sibling]) {
    h.setFormatter(new Formatter('%(message)s'));
    log.addHandler(h);
  }
  return { broken, sibling, log };
}

async function logLines(log: ReturnType<typeof getRtLogger>, from: number, to: number) {
  for (let i = from; i < to; i++) {
    expect(() => log.info('line %d', i)).not.toThrow();
    if (i % 100 === 99) await turn();
  }
  await turn();
}

describe('disk errors are contained', () => {
  test('a full disk (/dev/full): no throw, one report per outage, the sibling gets every line, memory stays bounded', async () => {
    const { broken, sibling, log } = pair('/dev/full', { maxRetainedBytes: 4096 });
    await logLines(log, 0, 2000);
    sibling.flush();
    expect(firstMissing(readLines(sibling.baseFilename), 2000)).toBe(-1);
    expect(errorReports()).toHaveLength(1);
    expect(errorReports()[0]).toMatch(/ENOSPC/);
    expect(errorReports()[0]).toContain('writing to /dev/full');
    broken.close();
  });

  test('a directory where the file should be (EISDIR) is reported once, and once it is gone the held lines are written', async () => {
    const path = join(tempDir('eisdir'), 'app.log');
    mkdirSync(path);
    const { broken, log } = pair(path);
    await logLines(log, 0, 500);
    expect(errorReports()).toHaveLength(1);
    expect(errorReports()[0]).toMatch(/EISDIR/);
    rmSync(path, { recursive: true });
    broken.flush();
    expect(firstMissing(readLines(path), 500)).toBe(-1);
    await logLines(log, 500, 600);
    broken.flush();
    expect(firstMissing(readLines(path), 600)).toBe(-1);
    expect(errorReports()).toHaveLength(1);
  });

  test('a regular file where the directory should be (ENOTDIR) recovers when it is replaced by a directory', async () => {
    const dir = tempDir('enotdir');
    writeFileSync(join(dir, 'logs'), 'not a directory');
    const path = join(dir, 'logs', 'app.log');
    const { broken, log } = pair(path);
    await logLines(log, 0, 300);
    expect(errorReports()[0]).toMatch(/ENOTDIR|EEXIST/);
    rmSync(join(dir, 'logs'));
    await logLines(log, 300, 400);
    broken.flush();
    expect(firstMissing(readLines(path), 400)).toBe(-1);
  });

  test('records beyond the retention bound are dropped, counted, and the count is reported on recovery', async () => {
    const path = join(tempDir('bound'), 'app.log');
    mkdirSync(path);
    const { broken, log } = pair(path, { maxRetainedBytes: 100 });
    await logLines(log, 0, 1); // the outage starts here
    await logLines(log, 1, 101);
    rmSync(path, { recursive: true });
    broken.flush();
    const kept = readLines(path);
    expect(kept.length).toBeGreaterThan(5);
    expect(kept.length).toBeLessThan(20);
    expect(firstMissing(kept, kept.length)).toBe(-1);
    expect(errorReports()).toHaveLength(2);
    expect(errorReports()[1]).toContain(`${101 - kept.length} record(s) were dropped`);
  });

  test('an unprivileged process denied the directory (EACCES) reports once and writes every line once allowed', async () => {
    // We run as root, for whom permissions do not apply, so the child runs as `nobody`.
    const dir = tempDir('eacces');
    chmodSync(dir, 0o755);
    const locked = join(dir, 'locked');
    mkdirSync(locked, { mode: 0o755 });
    const file = join(locked, 'app.log');
    // The child cannot read a checkout that lives inside a 0700 directory: it runs from a copy.
    const script = join(worldReadableRuntime(), 'fixtures/files/log-while-unwritable.mjs');
    const child = spawn('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, script, file, '30'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      if (stderr.includes('EACCES')) chmodSync(locked, 0o777);
    });
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(stderr.match(/--- Logging error ---/g)).toHaveLength(1);
    expect(firstMissing(readLines(file), 30)).toBe(-1);
  });
});

describe('WatchedFileHandler', () => {
  test('reopens the file when logrotate moves it, and recreates a deleted directory', async () => {
    const dir = tempDir('watched');
    const path = join(dir, 'logs', 'app.log');
    const handler = new WatchedFileHandler(path);
    handler.setFormatter(new Formatter('%(message)s'));
    const log = getRtLogger('watched');
    log.setLevel('INFO');
    log.addHandler(handler);
    log.info('before move');
    await turn();
    renameSync(path, `${path}.1`);
    log.info('after move');
    await turn();
    expect(readLines(`${path}.1`)).toEqual(['before move']);
    expect(readLines(path)).toEqual(['after move']);
    rmSync(join(dir, 'logs'), { recursive: true });
    log.info('after rm -rf');
    await turn();
    expect(readLines(path)).toEqual(['after rm -rf']);
    expect(errorReports()).toEqual([]);
  });

  test('a plain FileHandler keeps writing to the file it opened, as in Python', async () => {
    const path = join(tempDir('plain'), 'app.log');
    const handler = new FileHandler(path);
    handler.setFormatter(new Formatter('%(message)s'));
    getRtLogger('plain').addHandler(handler);
    getRtLogger('plain').warning('one');
    await turn();
    renameSync(path, `${path}.1`);
    getRtLogger('plain').warning('two');
    await turn();
    expect(readLines(`${path}.1`)).toEqual(['one', 'two']);
  });
});
