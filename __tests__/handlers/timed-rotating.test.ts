import { afterAll, afterEach, describe, expect, test } from '@jest/globals';
import { readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Formatter, getRtLogger, TimedRotatingFileHandler, type TimedRotatingFileHandlerOptions } from '../../lib/index.js';
import { readLines, removeTempDirs, tempDir } from '../support/temp-dir.js';
import { resetLogging } from '../../lib/testing/index.js';

afterEach(() => resetLogging());
afterAll(removeTempDirs);

/** A handler on a fresh file whose clock the test moves by hand. */
function timed(options: TimedRotatingFileHandlerOptions, start: number) {
  const dir = tempDir('timed');
  const base = join(dir, 'app.log');
  const clock = { now: start };
  const handler = new TimedRotatingFileHandler(base, { utc: true, ...options, clock: () => clock.now });
  handler.setFormatter(new Formatter('%(message)s'));
  const log = getRtLogger('timed');
  log.setLevel('DEBUG');
  log.addHandler(handler);
  return { dir, base, clock, handler, log };
}

const T0 = Date.UTC(2026, 10, 21, 14, 9, 30); // a Saturday

describe('TimedRotatingFileHandler driven by an injected clock', () => {
  test("rolls over every interval with Python's seconds suffix, named after the interval each file covers", () => {
    const { dir, base, clock, handler, log } = timed({ when: 'S', interval: 10 }, T0);
    log.info('a'); // first boundary: T0 + 10 s
    clock.now = T0 + 9_999;
    log.info('b');
    clock.now = T0 + 10_000;
    log.info('c');
    clock.now = T0 + 45_000; // several empty intervals: one rollover, then the next boundary
    log.info('d');
    handler.close();
    expect(readdirSync(dir).sort()).toEqual(['app.log', 'app.log.2026-11-21_14-09-30', 'app.log.2026-11-21_14-09-40']);
    expect(readLines(`${base}.2026-11-21_14-09-30`)).toEqual(['a', 'b']);
    expect(readLines(`${base}.2026-11-21_14-09-40`)).toEqual(['c']);
    expect(readLines(base)).toEqual(['d']);
    // Python counts the next boundary from the rollover itself: 45 s + 10 s.
    expect(handler.rolloverAt).toBe((T0 + 55_000) / 1000);
  });

  test.each([
    ['M', 'app.log.2026-11-21_14-09'],
    ['H', 'app.log.2026-11-21_14'],
    ['D', 'app.log.2026-11-21'],
  ] as const)("when '%s' uses Python's suffix %s", (when, name) => {
    const { dir, clock, handler, log } = timed({ when }, T0);
    log.info('before');
    clock.now = T0 + 8 * 86_400_000;
    log.info('after');
    handler.close();
    expect(readdirSync(dir).sort()).toEqual(['app.log', name]);
  });

  test('midnight rolls over at the next midnight, or at atTime', () => {
    const a = timed({ when: 'midnight' }, T0);
    expect(a.handler.computeRollover(T0 / 1000)).toBe(Date.UTC(2026, 10, 22) / 1000);
    const b = timed({ when: 'midnight', atTime: { hour: 3, minute: 30 } }, T0);
    expect(b.handler.computeRollover(T0 / 1000)).toBe(Date.UTC(2026, 10, 22, 3, 30) / 1000);
    expect(b.handler.computeRollover(Date.UTC(2026, 10, 21, 2) / 1000)).toBe(Date.UTC(2026, 10, 21, 3, 30) / 1000);
    a.log.info('day one');
    a.clock.now = Date.UTC(2026, 10, 22, 0, 0, 1);
    a.log.info('day two');
    a.handler.close();
    expect(readLines(join(a.dir, 'app.log.2026-11-21'))).toEqual(['day one']);
  });

  // Values from python3 3.11's TimedRotatingFileHandler.computeRollover for the same instant:
  // a weekday rollover happens at the midnight that ends that day.
  test('W0 rolls over at the midnight ending Monday, W5 on a Saturday at that night, as Python', () => {
    const { handler } = timed({ when: 'W0' }, T0);
    expect(handler.computeRollover(T0 / 1000)).toBe(Date.UTC(2026, 10, 24) / 1000);
    const w5 = timed({ when: 'W5' }, T0);
    expect(w5.handler.computeRollover(T0 / 1000)).toBe(Date.UTC(2026, 10, 22) / 1000);
    const atNow = timed({ when: 'midnight', atTime: { hour: 14, minute: 9, second: 30 } }, T0);
    expect(atNow.handler.computeRollover(T0 / 1000)).toBe(T0 / 1000);
  });

  test('deletes the oldest backups beyond backupCount and leaves unrelated files alone', () => {
    const { dir, clock, handler, log } = timed({ when: 'S', backupCount: 2 }, T0);
    writeFileSync(join(dir, 'app.log.notes'), 'keep me');
    for (let i = 0; i < 5; i++) {
      clock.now = T0 + i * 1000;
      log.info(`second ${i}`);
    }
    handler.close();
    expect(readdirSync(dir).sort()).toEqual(['app.log', 'app.log.2026-11-21_14-09-32', 'app.log.2026-11-21_14-09-33', 'app.log.notes']);
  });

  test("counts the first interval from an existing file's modification time, as Python", () => {
    const dir = tempDir('timed');
    const base = join(dir, 'app.log');
    writeFileSync(base, 'old\n');
    utimesSync(base, (T0 - 3_600_000) / 1000, (T0 - 3_600_000) / 1000);
    const handler = new TimedRotatingFileHandler(base, { when: 'H', utc: true, clock: () => T0 });
    handler.setFormatter(new Formatter('%(message)s'));
    getRtLogger('timed').addHandler(handler);
    getRtLogger('timed').warning('new');
    handler.close();
    expect(readLines(`${base}.2026-11-21_13`)).toEqual(['old']);
    expect(readLines(base)).toEqual(['new']);
  });

  test('bad options name the option and the accepted values', () => {
    expect(() => new TimedRotatingFileHandler('x.log', { when: 'weekly' as never })).toThrow(/when must be one of S, M, H, D, midnight, W0/);
    expect(() => new TimedRotatingFileHandler('x.log', { interval: 0 })).toThrow(/interval must be a whole number/);
  });
});
