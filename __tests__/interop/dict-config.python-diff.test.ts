/**
 * One dictConfig file, two languages: the same JSON file configures python3's
 * logging.config.dictConfig and our configureFromFile, each process (started in its own
 * directory, clock fixed) logs the same calls, and the files each writes are byte-identical.
 * Config errors are worded as Python words them.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, afterEach, expect, test } from '@jest/globals';
import { configure } from '../../lib/interop/index.js';
import { resetLogging } from '../../lib/testing/index.js';
import { describeWithPython } from '../support/python.js';

const CONFIG = {
  version: 1,
  disable_existing_loggers: false,
  formatters: {
    file: { format: '%(asctime)s - %(levelname)-8s - %(name)s - %(message)s' },
    // No `defaults` here: python3.11's dictConfig ignores them (3.12 passes them on, as we do).
    brace: { format: '{asctime} {levelname:<8} {name:>14} | {message} | {levelno!r:^6} {msecs:08.3f}', style: '{', datefmt: '%Y-%m-%dT%H:%M:%S%z' },
    dollar: { format: '$levelname:$name:$message (${msecs})', style: '$' },
  },
  filters: { only_worker: { name: 'RT.worker' } },
  handlers: {
    all: { class: 'logging.FileHandler', filename: 'all.log', formatter: 'file', level: 'DEBUG', mode: 'w', encoding: 'utf-8' },
    worker: { class: 'logging.FileHandler', filename: 'worker.log', formatter: 'brace', filters: ['only_worker'] },
    errors: { class: 'logging.handlers.RotatingFileHandler', filename: 'errors.log', formatter: 'dollar', level: 'ERROR', maxBytes: 1000000, backupCount: 2 },
  },
  loggers: {
    RT: { level: 'DEBUG', handlers: ['all', 'worker'], propagate: true },
    'RT.noisy': { level: 'WARNING' },
  },
  root: { level: 'INFO', handlers: ['errors'] },
};

/** The same calls, spelled in each language. */
const PY_CALLS = String.raw`
import time, logging, logging.config, json, sys
time.time = lambda: 1700000000.25
logging.config.dictConfig(json.load(open(sys.argv[1], encoding='utf-8')))
logging.getLogger('RT.worker').info('chunk %s of %d: ñandú ✓', 'doc.txt', 3, extra={'tenant': 'acme'})
logging.getLogger('RT.worker.db').debug('query took %.2f ms', 12.345)
logging.getLogger('RT.noisy').info('suppressed')
logging.getLogger('RT.noisy').warning('kept %r', ['a', 1])
logging.getLogger('RT').error('failed: %s', {'k': None})
logging.getLogger().warning('root %d%%', 5)
logging.getLogger('other.lib').error('third party: 日本語')
logging.shutdown()
`;
const TS_CALLS = (dist: string) => `
const { configureFromFile } = await import('${pathToFileURL(join(dist, 'interop/dict-config.js')).href}');
const { setClock } = await import('${pathToFileURL(join(dist, 'core/clock.js')).href}');
const { getLogger } = await import('${pathToFileURL(join(dist, 'core/manager.js')).href}');
const { extra } = await import('${pathToFileURL(join(dist, 'core/record.js')).href}');
setClock(() => 1700000000250);
configureFromFile(process.argv[1]);
getLogger('RT.worker').info('chunk %s of %d: ñandú ✓', 'doc.txt', 3, extra({ tenant: 'acme' }));
getLogger('RT.worker.db').debug('query took %.2f ms', 12.345);
getLogger('RT.noisy').info('suppressed');
getLogger('RT.noisy').warning('kept %r', ['a', 1]);
getLogger('RT').error('failed: %s', { k: null });
getLogger().warning('root %d%%', 5);
getLogger('other.lib').error('third party: 日本語');
`;

function run(cmd: string, args: string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env: { ...process.env, PYTHONIOENCODING: 'utf-8', PYTHONUTF8: '1' } });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} failed (${code}): ${err}`))));
  });
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
afterEach(() => resetLogging());

describeWithPython('one dictConfig file for python3 and us', () => {
  test('configures both processes to write byte-identical files for the same calls', async () => {
    const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
    if (!existsSync(join(dist, 'interop/dict-config.js'))) throw new Error('dist/ is missing: run `npm run build` first');
    const root = mkdtempSync(join(tmpdir(), 'dictconfig-'));
    dirs.push(root);
    const configPath = join(root, 'logging.json');
    writeFileSync(configPath, JSON.stringify(CONFIG, null, 2));
    const [pyDir, tsDir] = [join(root, 'python'), join(root, 'node')];
    mkdirSync(pyDir);
    mkdirSync(tsDir);
    await Promise.all([
      run('python3', ['-c', PY_CALLS, configPath], pyDir),
      run(process.execPath, ['--input-type=module', '-e', TS_CALLS(dist), configPath], tsDir),
    ]);
    for (const file of ['all.log', 'worker.log', 'errors.log']) {
      const python = readFileSync(join(pyDir, file), 'utf8');
      expect([file, readFileSync(join(tsDir, file), 'utf8')]).toEqual([file, python]);
    }
    // The files are not trivially empty: each holds the lines its level and filter let through.
    expect(readFileSync(join(pyDir, 'all.log'), 'utf8').split('\n')).toHaveLength(5);
    expect(readFileSync(join(pyDir, 'worker.log'), 'utf8').split('\n')).toHaveLength(3);
    expect(readFileSync(join(pyDir, 'errors.log'), 'utf8')).toContain('ERROR:other.lib:third party: 日本語 (250.0)');
  });
});

test('config errors name the offending key as Python does, with the cause', () => {
  expect(() => configure({ handlers: {} })).toThrow("dictionary doesn't specify a version");
  expect(() => configure({ version: 2 })).toThrow('Unsupported version: 2');
  expect(() => configure({ version: 1, handlers: { h: { class: 'logging.Nope' } } })).toThrow(/^Unable to configure handler 'h': Cannot resolve 'logging.Nope'/);
  expect(() => configure({ version: 1, handlers: { h: { class: 'logging.StreamHandler', level: 'LOUD' } } })).toThrow("Unable to configure handler 'h': Unknown level: 'LOUD'");
  expect(() => configure({ version: 1, handlers: { h: { class: 'logging.FileHandler', filename: 'x.log', colour: 1 } } }))
    .toThrow("Unable to configure handler 'h': FileHandler.__init__() got an unexpected keyword argument 'colour'");
  expect(() => configure({ version: 1, handlers: { h: { class: 'logging.StreamHandler', formatter: 'f' } } })).toThrow("Unable to configure handler 'h': Unable to set formatter 'f'");
  expect(() => configure({ version: 1, formatters: { f: { format: '{x', style: '{' } } })).toThrow("Unable to configure formatter 'f': invalid format: expected '}' before end of string");
  expect(() => configure({ version: 1, loggers: { a: { handlers: ['missing'] } } })).toThrow("Unable to configure logger 'a': Unable to add handler 'missing'");
  expect(() => configure({ version: 1, handlers: { h: { class: 'logging.StreamHandler', stream: 'ext://os.environ' } } })).toThrow(/Cannot resolve 'ext:\/\/os.environ'/);
  // A config file runs no code: no factories, no references into the program.
  expect(() => configure({ version: 1, handlers: { h: { '()': 'os.system', command: 'id' } } })).toThrow(/custom factories \('\(\)'\) are not supported; register a class and use 'class'/);
  expect(() => configure({ version: 1, formatters: { f: { '()': 'evil.Formatter' } } })).toThrow(/custom factories \('\(\)'\) are not supported/);
  expect(() => configure({ version: 1, filters: { x: { '()': 'evil.Filter' } } })).toThrow(/custom factories \('\(\)'\) are not supported; add such filters in code/);
  expect(() => configure({ version: 1, handlers: { h: { class: 'logging.StreamHandler', stream: 'cfg://handlers.other' } } })).toThrow(/Cannot resolve 'cfg:\/\/handlers.other'/);
});
