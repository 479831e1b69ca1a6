import { afterAll, describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { removeTempDirs, tempDir } from './support/temp-dir.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const workDir = tempDir('pkg');
afterAll(removeTempDirs);

// A consumer project that depends on the package by name, as users install it.
const consumer = join(workDir, 'consumer');
mkdirSync(join(consumer, 'node_modules'), { recursive: true });
symlinkSync(root, join(consumer, 'node_modules', 'railtracks-observability'), 'dir');

function run(file: string, source: string, env: NodeJS.ProcessEnv = {}) {
  const path = join(consumer, file);
  writeFileSync(path, source);
  return spawnSync(process.execPath, [path], { cwd: consumer, encoding: 'utf8', env: { ...process.env, ...env } });
}

describe('the published package', () => {
  test('loads through import by its name', () => {
    const result = run('esm.mjs', `
      import { getRtLogger, ExecutorConfig, setConfig } from 'railtracks-observability';
      setConfig(new ExecutorConfig({ loggingSetting: 'REGULAR' }));
      getRtLogger('esm').info('hello from import');
    `);
    expect(result.stderr).toMatch(/RT\.esm *: INFO {5}- hello from import\n$/);
  });

  test('loads through require() by its name', () => {
    const result = run('cjs.cjs', `
      const { getRtLogger, setConfig, ExecutorConfig } = require('railtracks-observability');
      setConfig(new ExecutorConfig({ loggingSetting: 'REGULAR' }));
      getRtLogger('cjs').warning('hello from require');
    `);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/RT\.cjs *: WARNING  - hello from require\n$/);
  });

  test('20,000 lines logged right before process.exit(0) are all in the log file', () => {
    const file = join(workDir, 'exit.log');
    const result = run('exit.mjs', `
      import { getRtLogger, ExecutorConfig, setConfig } from 'railtracks-observability';
      setConfig(new ExecutorConfig({ loggingSetting: 'NONE', logFile: process.env.LOG }));
      // The console shows only CRITICAL so the child's stderr stays small; the file takes WARNING.
      setConfig(new ExecutorConfig({ loggingSetting: 'CRITICAL', logFile: process.env.LOG, logFileLevel: 'WARNING' }));
      const log = getRtLogger('exit');
      for (let i = 0; i < 20000; i++) log.warning('line %d', i);
      process.exit(0);
    `, { LOG: file });
    expect(result.status).toBe(0);
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(20000);
    expect(lines[0]).toMatch(/ - WARNING - RT\.exit - line 0$/);
    expect(lines[19999]).toMatch(/ - WARNING - RT\.exit - line 19999$/);
  });

  test('lines logged right before an uncaught exception are all in the log file', () => {
    const file = join(workDir, 'crash.log');
    const result = run('crash.mjs', `
      import { getRtLogger, ExecutorConfig, setConfig } from 'railtracks-observability';
      setConfig(new ExecutorConfig({ loggingSetting: 'NONE' }));
      setConfig(new ExecutorConfig({ loggingSetting: 'QUIET', logFile: process.env.LOG }));
      for (let i = 0; i < 5000; i++) getRtLogger().error('before crash %d', i);
      throw new Error('crash');
    `, { LOG: file });
    expect(result.status).toBe(1);
    expect(readFileSync(file, 'utf8').trimEnd().split('\n')).toHaveLength(5000);
  });
});
