import { afterAll, afterEach, describe, expect, test } from '@jest/globals';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Formatter, getRtLogger, RotatingFileHandler } from '../../lib/index.js';
import { readLines, removeTempDirs, tempDir } from '../support/temp-dir.js';
import { resetLogging } from '../../lib/testing/index.js';

afterEach(() => resetLogging());
afterAll(removeTempDirs);

function attach(handler: RotatingFileHandler) {
  handler.setFormatter(new Formatter('%(message)s'));
  const log = getRtLogger('rotation');
  log.setLevel('DEBUG');
  log.addHandler(handler);
  return log;
}

/** Backups oldest first (`app.log.N` … `app.log.1`), then the live file. */
function numberedInOrder(base: string): string[] {
  const dir = join(base, '..');
  const name = base.slice(dir.length + 1);
  const numbers = readdirSync(dir).filter((n) => n.startsWith(`${name}.`)).map((n) => Number(n.slice(name.length + 1)));
  numbers.sort((a, b) => b - a);
  return [...numbers.map((n) => `${base}.${n}`), base];
}

describe('RotatingFileHandler', () => {
  test('100,000 records of mixed UTF-8 widths: nothing lost, duplicated or reordered, and no file reaches maxBytes', () => {
    const base = join(tempDir('rot'), 'app.log');
    const maxBytes = 64 * 1024;
    const handler = new RotatingFileHandler(base, { maxBytes, backupCount: 1000 });
    const log = attach(handler);
    const expected: string[] = [];
    for (let i = 0; i < 100_000; i++) {
      const text = `line ${i} ${'é€😀'.repeat(i % 5)}`;
      expected.push(text);
      log.info(text);
    }
    handler.close();
    const files = numberedInOrder(base);
    expect(files.length).toBeGreaterThan(20);
    const lines = files.flatMap((f) => readLines(f));
    expect(lines.length).toBe(expected.length);
    expect(lines.findIndex((l, i) => l !== expected[i])).toBe(-1);
    for (const f of files) {
      expect(statSync(f).size).toBeLessThan(maxBytes);
      expect(readFileSync(f, 'utf8').endsWith('\n')).toBe(true);
    }
    // Files are full: the next record would not have fitted.
    expect(statSync(files[0]!).size).toBeGreaterThan(maxBytes - 200);
  });

  test('keeps backupCount backups with Python names, .1 being the newest', () => {
    const base = join(tempDir('rot'), 'app.log');
    const handler = new RotatingFileHandler(base, { maxBytes: 20, backupCount: 2 });
    const log = attach(handler);
    for (const word of ['first-record', 'second-record', 'third-record', 'fourth-record']) log.info(word);
    handler.close();
    expect(readdirSync(join(base, '..')).sort()).toEqual(['app.log', 'app.log.1', 'app.log.2']);
    expect(readLines(base)).toEqual(['fourth-record']);
    expect(readLines(`${base}.1`)).toEqual(['third-record']);
    expect(readLines(`${base}.2`)).toEqual(['second-record']);
  });

  test('a record larger than maxBytes gets a file to itself instead of being split or dropped', () => {
    const base = join(tempDir('rot'), 'app.log');
    const handler = new RotatingFileHandler(base, { maxBytes: 50, backupCount: 5 });
    const log = attach(handler);
    log.info('small');
    log.info('x'.repeat(200));
    log.info('after');
    handler.close();
    expect(readLines(`${base}.2`)).toEqual(['small']);
    expect(readLines(`${base}.1`)).toEqual(['x'.repeat(200)]);
    expect(readLines(base)).toEqual(['after']);
  });

  test('counts an existing file, appends to it and rotates it when it is already full', () => {
    const base = join(tempDir('rot'), 'app.log');
    writeFileSync(base, 'from before\n'.repeat(5));
    const handler = new RotatingFileHandler(base, { maxBytes: 64, backupCount: 1 });
    attach(handler).info('new');
    handler.close();
    expect(readLines(`${base}.1`)).toHaveLength(5);
    expect(readLines(base)).toEqual(['new']);
  });

  test('never rotates when maxBytes or backupCount is 0, as in Python', () => {
    const dir = tempDir('rot');
    for (const options of [{ maxBytes: 0, backupCount: 3 }, { maxBytes: 10, backupCount: 0 }]) {
      const base = join(dir, `app-${options.maxBytes}.log`);
      const handler = new RotatingFileHandler(base, options);
      const log = attach(handler);
      for (let i = 0; i < 20; i++) log.info(`record ${i}`);
      handler.close();
      log.removeHandler(handler);
      expect(readLines(base)).toHaveLength(20);
    }
    expect(readdirSync(dir)).toHaveLength(2);
  });

  test('timestamped backups are named after the rollover time and only the newest K are kept', () => {
    const dir = tempDir('rot');
    const base = join(dir, 'app.log');
    let now = Date.UTC(2025, 11, 30, 15, 45, 22);
    const handler = new RotatingFileHandler(base, { maxBytes: 12, backupCount: 2, backupNaming: 'timestamped', utc: true, clock: () => now });
    const log = attach(handler);
    log.info('record-1');
    log.info('record-2'); // rollover at 15:45:22
    log.info('record-3'); // rollover in the same second: a counter keeps both
    now += 60_000;
    log.info('record-4'); // rollover at 15:46:22; the oldest backup is deleted
    handler.close();
    expect(readdirSync(dir).sort()).toEqual(['app-20251230-154522-1.log', 'app-20251230-154622.log', 'app.log']);
    expect(readLines(join(dir, 'app-20251230-154522-1.log'))).toEqual(['record-2']);
    expect(readLines(join(dir, 'app-20251230-154622.log'))).toEqual(['record-3']);
    expect(readLines(base)).toEqual(['record-4']);
  });

  test('bad options name the option and the fix', () => {
    expect(() => new RotatingFileHandler('x.log', { maxBytes: -1 })).toThrow(/maxBytes must be a whole number/);
    expect(() => new RotatingFileHandler('x.log', { backupCount: 1.5 })).toThrow(/backupCount must be/);
    expect(() => new RotatingFileHandler('x.log', { backupNaming: 'dated' as never })).toThrow(/'numbered' or 'timestamped'/);
  });
});
