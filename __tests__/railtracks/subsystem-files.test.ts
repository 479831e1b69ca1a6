import { afterAll, afterEach, describe, expect, test } from '@jest/globals';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { attachSubsystemFiles, getRtLogger, JsonFormatter } from '../../lib/index.js';
import { readLines, removeTempDirs, tempDir } from '../support/temp-dir.js';
import { resetLogging, MemoryHandler } from '../../lib/testing/index.js';

afterEach(() => resetLogging());
afterAll(removeTempDirs);

describe('attachSubsystemFiles', () => {
  test('gives each chosen logger (and its children) its own file named after it, in the file layout', () => {
    const dir = join(tempDir('subsystems'), 'logs');
    const root = new MemoryHandler();
    getRtLogger().addHandler(root);
    getRtLogger().setLevel('INFO');
    const files = attachSubsystemFiles({ dir, loggers: ['worker', 'plugins.search'] });
    getRtLogger('worker').info('from the worker');
    getRtLogger('worker.pool').warning('from a child');
    getRtLogger('plugins.search').info('from the plugin');
    getRtLogger('other').info('nowhere special');
    files.close();
    expect(readdirSync(dir).sort()).toEqual(['RT.plugins.search.log', 'RT.worker.log']);
    expect(readLines(join(dir, 'RT.worker.log'))).toEqual([
      expect.stringMatching(/ - INFO - RT\.worker - from the worker$/),
      expect.stringMatching(/ - WARNING - RT\.worker\.pool - from a child$/),
    ]);
    expect(readLines(join(dir, 'RT.plugins.search.log'))).toEqual([expect.stringMatching(/ - RT\.plugins\.search - from the plugin$/)]);
    expect(root.lines).toHaveLength(4);
  });

  test('rotates each file, can keep records out of the parents, and close() restores propagation', () => {
    const dir = tempDir('subsystems');
    const root = new MemoryHandler();
    getRtLogger().addHandler(root);
    getRtLogger().setLevel('INFO');
    const files = attachSubsystemFiles({ dir, loggers: ['worker'], maxBytes: 200, backupCount: 2, propagate: false, formatter: () => new JsonFormatter() });
    for (let i = 0; i < 10; i++) getRtLogger('worker').info('record %d', i);
    files.close();
    expect(readdirSync(dir).sort()).toEqual(['RT.worker.log', 'RT.worker.log.1', 'RT.worker.log.2']);
    expect(JSON.parse(readLines(join(dir, 'RT.worker.log')).at(-1)!)).toMatchObject({ message: 'record 9' });
    expect(root.lines).toHaveLength(0);
    expect(getRtLogger('worker').propagate).toBe(true);
  });

  test('bad options name what is missing', () => {
    expect(() => attachSubsystemFiles({ dir: '', loggers: ['a'] })).toThrow(/needs dir/);
    expect(() => attachSubsystemFiles({ dir: 'logs', loggers: [] })).toThrow(/needs loggers/);
  });
});
