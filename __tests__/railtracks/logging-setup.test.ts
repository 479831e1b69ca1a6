import { afterAll, afterEach, describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { ExecutorConfig, detachLoggingHandlers, enableLogging, flush, getConfig, getLogger, getRtLogger, setConfig, withSession, type LoggingSetting } from '../../lib/index.js';
import { MemoryHandler, resetLogging } from '../../lib/testing/index.js';
import { captureStderr } from '../support/capture.js';
import { removeTempDirs, tempDir } from '../support/temp-dir.js';

const workDir = tempDir('setup');
const distIndex = fileURLToPath(new URL('../../dist/index.js', import.meta.url));
afterEach(async () => {
  delete process.env.RT_LOG_LEVEL;
  delete process.env.RT_LOG_FILE;
  await resetLogging();
});
afterAll(removeTempDirs);

function logEveryLevel(name = 'child'): void {
  const log = getRtLogger(name);
  log.debug('d');
  log.info('i');
  log.warning('w');
  log.error('e');
  log.critical('c');
}

function levelsShown(text: string): string[] {
  return [...text.matchAll(/: (\w+) +- /g)].map((m) => m[1]!);
}

describe('setConfig', () => {
  const expectations: Array<[LoggingSetting, string[]]> = [
    ['VERBOSE', ['DEBUG', 'INFO', 'WARNING', 'ERROR', 'CRITICAL']],
    ['REGULAR', ['INFO', 'WARNING', 'ERROR', 'CRITICAL']],
    ['QUIET', ['WARNING', 'ERROR', 'CRITICAL']],
    ['NONE', []],
    ['DEBUG', ['DEBUG', 'INFO', 'WARNING', 'ERROR', 'CRITICAL']],
    ['INFO', ['INFO', 'WARNING', 'ERROR', 'CRITICAL']],
    ['WARNING', ['WARNING', 'ERROR', 'CRITICAL']],
    ['ERROR', ['ERROR', 'CRITICAL']],
    ['CRITICAL', ['CRITICAL']],
  ];
  test.each(expectations)('%s shows exactly these levels on the console', async (setting, shown) => {
    setConfig(new ExecutorConfig({ loggingSetting: setting }));
    const text = await captureStderr(() => logEveryLevel());
    expect(levelsShown(text)).toEqual(shown);
    if (setting === 'NONE') expect(text).toBe('');
  });

  test('the log file gets the plain file layout at its own level, and flush() writes it', async () => {
    const file = join(workDir, 'layout.log');
    setConfig(new ExecutorConfig({ loggingSetting: 'QUIET', logFile: file, logFileLevel: 'DEBUG' }));
    await captureStderr(() => logEveryLevel('files'));
    await flush();
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} - \d+\.\d{3} - DEBUG - RT\.files - d$/);
    expect(lines[2]).toMatch(/ - WARNING - RT\.files - w$/);
    expect(readFileSync(file, 'utf8')).not.toContain('\u001b[');
  });

  test('NONE silences console and file for every RT record, child loggers with their own level included', async () => {
    const file = join(workDir, 'none.log');
    getRtLogger('loud').setLevel('DEBUG');
    setConfig(new ExecutorConfig({ loggingSetting: 'NONE', logFile: file }));
    const text = await captureStderr(() => {
      logEveryLevel('loud');
      logEveryLevel('other');
    });
    await flush();
    expect(text).toBe('');
    expect(existsSync(file)).toBe(false);
  });

  test('under NONE, a handler the user attached keeps receiving records', async () => {
    const mine = new MemoryHandler();
    getRtLogger().addHandler(mine);
    setConfig(new ExecutorConfig({ loggingSetting: 'NONE' }));
    await captureStderr(() => getRtLogger('x').warning('for me'));
    expect(mine.records.map((r) => r.msg)).toEqual(['for me']);
  });

  test('calling setConfig twice replaces its own handlers: no duplicated lines, the old file closed', async () => {
    const first = join(workDir, 'first.log');
    const second = join(workDir, 'second.log');
    setConfig(new ExecutorConfig({ logFile: first }));
    await captureStderr(() => getRtLogger().info('one'));
    setConfig(new ExecutorConfig({ logFile: second }));
    const text = await captureStderr(() => getRtLogger().info('two'));
    await flush();
    expect(text.trimEnd().split('\n')).toHaveLength(1);
    expect(getRtLogger().handlers).toHaveLength(2);
    expect(readFileSync(first, 'utf8')).toMatch(/ - INFO - RT - one\n$/);
    expect(readFileSync(second, 'utf8')).toMatch(/ - INFO - RT - two\n$/);
  });

  test('a handler the user attached survives setConfig and detachLoggingHandlers', async () => {
    const mine = new MemoryHandler();
    getRtLogger().addHandler(mine);
    setConfig(new ExecutorConfig());
    setConfig(new ExecutorConfig({ loggingSetting: 'QUIET' }));
    detachLoggingHandlers();
    expect(getRtLogger().handlers).toEqual([mine]);
    getRtLogger().error('still here');
    expect(mine.records).toHaveLength(1);
  });

  test('accepts a plain options object and remembers the config', () => {
    setConfig({ loggingSetting: 'QUIET', runIdentifier: 'run-1' });
    expect(getConfig().runIdentifier).toBe('run-1');
    expect(getConfig().loggingSetting).toBe('QUIET');
  });

  test('loggers outside the RT tree are not touched by the configuration', async () => {
    setConfig(new ExecutorConfig({ loggingSetting: 'VERBOSE' }));
    const text = await captureStderr(() => getLogger('thirdparty').info('not ours'));
    expect(text).toBe('');
  });
});

describe('a logFile that is an existing directory', () => {
  test('is rejected when the config is applied, naming the path, and the running config stays', async () => {
    const dir = join(workDir, 'logs-dir');
    mkdirSync(dir);
    const kept = join(workDir, 'kept.log');
    setConfig(new ExecutorConfig({ loggingSetting: 'QUIET', logFile: kept }));
    expect(() => setConfig(new ExecutorConfig({ logFile: dir }))).toThrow(`logFile ${dir} is a directory`);
    expect(() => withSession({ logFile: dir }, () => undefined)).toThrow(`logFile ${dir} is a directory`);
    await captureStderr(() => getRtLogger('dir').warning('the old config still writes'));
    await flush();
    expect(readFileSync(kept, 'utf8')).toMatch(/ - WARNING - RT\.dir - the old config still writes\n$/);
  });
});

describe('enableLogging', () => {
  test('falls back to RT_LOG_LEVEL and RT_LOG_FILE', async () => {
    const file = join(workDir, 'env.log');
    process.env.RT_LOG_LEVEL = 'VERBOSE';
    process.env.RT_LOG_FILE = file;
    enableLogging();
    const text = await captureStderr(() => {
      getRtLogger('env').debug('console only: the file level stays INFO');
      getRtLogger('env').info('from env');
    });
    await flush();
    expect(levelsShown(text)).toEqual(['DEBUG', 'INFO']);
    expect(readFileSync(file, 'utf8')).toMatch(/^[^\n]* - INFO - RT\.env - from env\n$/);
  });

  test('accepts NONE from the environment', async () => {
    process.env.RT_LOG_LEVEL = 'NONE';
    enableLogging();
    expect(await captureStderr(() => logEveryLevel())).toBe('');
  });

  test('explicit options win over the environment, and a second call reconfigures', async () => {
    process.env.RT_LOG_LEVEL = 'NONE';
    enableLogging({ level: 'QUIET' });
    expect(levelsShown(await captureStderr(() => logEveryLevel()))).toEqual(['WARNING', 'ERROR', 'CRITICAL']);
    enableLogging({ level: 'ERROR', nameStyle: 'short' });
    const text = await captureStderr(() => logEveryLevel('deep.worker'));
    expect(levelsShown(text)).toEqual(['ERROR', 'CRITICAL']);
    expect(text).toContain(' RT.Worker   : ERROR');
  });

  test('on purpose: the log file is created on its first record (upstream opens it when enable_logging runs)', async () => {
    const file = join(workDir, 'lazy.log');
    enableLogging({ logFile: file });
    await flush();
    expect(existsSync(file)).toBe(false);
    await captureStderr(() => getRtLogger('lazy').info('first'));
    await flush();
    expect(readFileSync(file, 'utf8')).toMatch(/ - INFO - RT\.lazy - first\n$/);
  });

  test('sets its level on RT, so a handler you add and the file see nothing below it', async () => {
    const file = join(workDir, 'warning.log');
    enableLogging({ level: 'WARNING', logFile: file });
    const mine = new MemoryHandler();
    getRtLogger().addHandler(mine);
    await captureStderr(() => logEveryLevel('gate'));
    await flush();
    expect(mine.records.map((r) => r.levelname)).toEqual(['WARNING', 'ERROR', 'CRITICAL']);
    expect(readFileSync(file, 'utf8').trimEnd().split('\n').map((line) => line.split(' - ')[2])).toEqual(['WARNING', 'ERROR', 'CRITICAL']);
  });

  test('an application handler already on RT: only the level changes, nothing is installed', async () => {
    const mine = new MemoryHandler();
    getRtLogger().addHandler(mine);
    const file = join(workDir, 'app-owned.log');
    const text = await captureStderr(() => {
      enableLogging({ level: 'ERROR', logFile: file });
      logEveryLevel('owned');
    });
    await flush();
    expect(text).toBe('');
    expect(existsSync(file)).toBe(false);
    expect(getRtLogger().handlers).toEqual([mine]);
    expect(mine.records.map((r) => r.levelname)).toEqual(['ERROR', 'CRITICAL']);
  });

  test('defaults to INFO without options or environment', async () => {
    enableLogging();
    expect(levelsShown(await captureStderr(() => logEveryLevel()))).toEqual(['INFO', 'WARNING', 'ERROR', 'CRITICAL']);
  });

  test('a bad RT_LOG_LEVEL does not crash the app: one warning naming it, then the default INFO', () => {
    const app = spawnSync(process.execPath, ['--input-type=module', '-e', `
      import { enableLogging, getRtLogger } from ${JSON.stringify(distIndex)};
      enableLogging();
      enableLogging({ nameStyle: 'short' });
      getRtLogger('app').debug('hidden at INFO');
      getRtLogger('app').info('still running');
      process.stdout.write('ok');
    `], { encoding: 'utf8', env: { ...process.env, RT_LOG_LEVEL: 'LOUD', NO_COLOR: '1' } });
    expect(app.status).toBe(0);
    expect(app.stdout).toBe('ok');
    const warnings = app.stderr.split('\n').filter((line) => line.includes('RT_LOG_LEVEL'));
    expect(warnings).toEqual([
      'railtracks-observability: ignoring RT_LOG_LEVEL="LOUD" (use one of: VERBOSE, REGULAR, QUIET, NONE, DEBUG, INFO, WARNING, ERROR, CRITICAL); using INFO',
    ]);
    expect(levelsShown(app.stderr)).toEqual(['INFO']);
  });

  test('a bad level passed in code still throws, naming the allowed values', () => {
    expect(() => enableLogging({ level: 'LOUD' as LoggingSetting })).toThrow('Invalid level "LOUD". Use one of: VERBOSE, REGULAR');
  });
});
