import { afterAll, afterEach, describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { DEBUG, ExecutorConfig, flush, getRtLogger, getSessionId, setConfig, withSession } from '../../lib/index.js';
import { MemoryHandler, resetLogging } from '../../lib/testing/index.js';
import { captureStderr } from '../support/capture.js';
import { removeTempDirs, tempDir } from '../support/temp-dir.js';

const workDir = tempDir('session');
afterEach(() => resetLogging());
afterAll(removeTempDirs);

describe('withSession', () => {
  test('records inside carry the session id and the run identifier; outside they carry null, as upstream carries None', async () => {
    setConfig(new ExecutorConfig({ loggingSetting: 'NONE' }));
    const mine = new MemoryHandler();
    getRtLogger().addHandler(mine);
    let inside: string | undefined;
    await withSession(new ExecutorConfig({ loggingSetting: 'REGULAR', runIdentifier: 'run-9' }), async () => {
      inside = getSessionId();
      await sleep(1);
      await captureStderr(() => getRtLogger('deep').info('in'));
    });
    getRtLogger().info('out');
    expect(inside).toMatch(/^[0-9a-f-]{36}$/);
    expect(getSessionId()).toBeUndefined();
    expect(mine.records.map((r) => [r.msg, r.field('session_id'), r.field('run_id')])).toEqual([
      ['in', inside, 'run-9'],
      ['out', null, null],
    ]);
  });

  test('the console shows session records at the session level while outside keeps the global level', async () => {
    setConfig(new ExecutorConfig({ loggingSetting: 'QUIET' }));
    const text = await captureStderr(async () => {
      await withSession(new ExecutorConfig({ loggingSetting: 'VERBOSE' }), async () => {
        getRtLogger('s').debug('session debug');
        await sleep(1);
        getRtLogger('s').info('session info');
      });
      getRtLogger('s').debug('global debug hidden');
      getRtLogger('s').info('global info hidden');
      getRtLogger('s').warning('global warning');
    });
    expect(text).toContain('session debug');
    expect(text).toContain('session info');
    expect(text).not.toContain('hidden');
    expect(text).toContain('global warning');
    expect(text.match(/session debug/g)).toHaveLength(1);
  });

  test('concurrent sessions neither leak levels nor records into each other, and each file gets exactly its own', async () => {
    setConfig(new ExecutorConfig({ loggingSetting: 'NONE' }));
    const fileA = join(workDir, 'a.log');
    const fileB = join(workDir, 'b.log');
    const run = (tag: string, setting: 'VERBOSE' | 'QUIET', file: string) =>
      withSession(new ExecutorConfig({ loggingSetting: setting, logFile: file, logFileLevel: 'DEBUG' }), async () => {
        const log = getRtLogger(`worker-${tag}`);
        for (let i = 0; i < 20; i++) {
          log.debug('%s debug %d', tag, i);
          await sleep(Math.random() * 3);
          log.warning('%s warning %d', tag, i);
        }
      });
    const text = await captureStderr(() => Promise.all([run('A', 'VERBOSE', fileA), run('B', 'QUIET', fileB)]));
    await flush();
    const a = readFileSync(fileA, 'utf8').trimEnd().split('\n');
    const b = readFileSync(fileB, 'utf8').trimEnd().split('\n');
    expect(a).toHaveLength(40);
    expect(b).toHaveLength(40);
    expect(a.every((line) => line.includes(' - RT.worker-A - A '))).toBe(true);
    expect(b.every((line) => line.includes(' - RT.worker-B - B '))).toBe(true);
    expect(text.match(/A debug/g)).toHaveLength(20);
    expect(text.match(/B debug/g)).toBeNull();
    expect(text.match(/B warning/g)).toHaveLength(20);
  });

  test('returns what a sync function returns and cleans up its handlers', () => {
    const before = getRtLogger().handlers.length;
    const value = withSession(new ExecutorConfig({ loggingSetting: 'QUIET' }), () => {
      expect(getRtLogger().handlers.length).toBe(before + 1);
      return 42;
    });
    expect(value).toBe(42);
    expect(getRtLogger().handlers.length).toBe(before);
  });

  test('rethrows what the function throws, after cleaning up', async () => {
    const before = getRtLogger().handlers.length;
    await expect(
      withSession({ loggingSetting: 'QUIET' }, async () => {
        throw new Error('run failed');
      }),
    ).rejects.toThrow('run failed');
    expect(() => withSession({}, () => { throw new Error('sync failed'); })).toThrow('sync failed');
    expect(getRtLogger().handlers.length).toBe(before);
  });

  test('payloadCallback receives the session ids once the session has ended; what it throws is swallowed, as upstream', async () => {
    const payloads: unknown[] = [];
    let ended = false;
    await withSession({ loggingSetting: 'NONE', runIdentifier: 'run-p', payloadCallback: (p) => void payloads.push({ ...p, ended }) }, async () => {
      await sleep(1);
      expect(payloads).toEqual([]);
      ended = true;
    });
    expect(payloads).toEqual([{ session_id: expect.stringMatching(/^[0-9a-f-]{36}$/), run_id: 'run-p', ended: true }]);
    expect(withSession({ payloadCallback: () => { throw new Error('callback broke'); } }, () => 'result')).toBe('result');
    await expect(withSession({ payloadCallback: () => Promise.reject(new Error('async broke')) }, async () => 'async result')).resolves.toBe('async result');
  });

  test('a session lowers the RT level only inside it: after it ends DEBUG is disabled again', async () => {
    setConfig(new ExecutorConfig({ loggingSetting: 'REGULAR' }));
    const log = getRtLogger('lv');
    await captureStderr(() =>
      withSession({ loggingSetting: 'VERBOSE' }, () => {
        expect(log.isEnabledFor(DEBUG)).toBe(true);
      }),
    );
    expect(log.isEnabledFor(DEBUG)).toBe(false);
  });

  test('a NONE session prints nothing for its records', async () => {
    setConfig(new ExecutorConfig({ loggingSetting: 'VERBOSE' }));
    const text = await captureStderr(() =>
      withSession({ loggingSetting: 'NONE' }, () => {
        getRtLogger('quiet').error('hidden');
      }),
    );
    expect(text).toBe('');
  });
});
