/** rtlog as a command-line tool: exit statuses, --version, errors that name the path, JSON tracebacks, rotated sets. */
import { afterAll, afterEach, describe, expect, test } from '@jest/globals';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FileHandler, FILE_FORMAT, Formatter, getRtLogger, JsonFormatter, RotatingFileHandler, setClock } from '../../lib/index.js';
import { resetLogging } from '../../lib/testing/index.js';
import { removeTempDirs, tempDir } from '../support/temp-dir.js';

const rtlog = fileURLToPath(new URL('../../dist/cli/rtlog.js', import.meta.url));
afterEach(async () => {
  setClock();
  await resetLogging();
});
afterAll(removeTempDirs);

function run(...args: string[]) {
  return spawnSync(process.execPath, [rtlog, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 64 * 1024 * 1024 });
}
const messages = (stdout: string) => stdout.split('\n').filter((l) => / RT\.\w+: /.test(l)).map((l) => l.split(': ').slice(1).join(': '));

const dir = tempDir('rtlog-command');
const textFile = join(dir, 'run.log');
writeFileSync(textFile, '2026-11-21 14:00:00,000 - 1.000 - INFO - RT.api - hello\n');

describe('rtlog usage', () => {
  test.each([
    [['--level', 'LOUD'], /--level: Unknown level: 'LOUD'/],
    [['--since', 'yesterday'], /--since: since must be a Date/],
    [['--until', 'soon'], /--until: until must be a Date/],
    [['-n', '0'], /--page-size must be a whole number ≥ 1, got '0'/],
    [['--page=-1'], /--page must be a whole number ≥ 0/],
    [['--before', 'x'], /--before must be a whole number ≥ 0/],
  ])('%j is bad usage: exit status 2, the reason on stderr, nothing read', (args, reason) => {
    const r = run(textFile, ...args);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(reason);
    expect(r.stdout).toBe('');
  });

  test('--version and -V print the package version', () => {
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    for (const flag of ['--version', '-V']) {
      const r = run(flag);
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(`rtlog ${version}\n`);
    }
  });

  test('a directory, a missing file and a path through a file are named in the error, exit status 1', () => {
    const cases: [string, RegExp][] = [
      [dir, /is a directory/],
      [join(dir, 'missing.log'), /no such file/],
      [join(textFile, 'inner.log'), /not a directory/i],
    ];
    for (const [path, reason] of cases) {
      const r = run(path);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(path);
      expect(r.stderr).toMatch(reason);
    }
  });
});

/**
 * rtlog as an unprivileged user: root reads any file, so under root the child runs as `nobody`,
 * from a world-readable copy of dist/ and the runtime dependencies (the checkout may sit in a
 * folder only root can enter).
 */
function runUnprivileged(...args: string[]) {
  if (process.getuid?.() !== 0) return spawnSync(process.execPath, [rtlog, ...args], { encoding: 'utf8' });
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const copy = tempDir('rtlog-copy');
  chmodSync(copy, 0o755);
  cpSync(join(root, 'dist'), join(copy, 'dist'), { recursive: true });
  cpSync(join(root, 'package.json'), join(copy, 'package.json'));
  const pending = Object.keys((JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: object }).dependencies);
  for (const seen = new Set<string>(); pending.length > 0;) {
    const name = pending.pop()!;
    if (seen.has(name)) continue;
    seen.add(name);
    cpSync(join(root, 'node_modules', name), join(copy, 'node_modules', name), { recursive: true });
    const pkg = JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as { dependencies?: object };
    pending.push(...Object.keys(pkg.dependencies ?? {}));
  }
  return spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, join(copy, 'dist/cli/rtlog.js'), ...args], { encoding: 'utf8' });
}

describe('rtlog into a pipe closed early', () => {
  test('`rtlog … | head -1` ends quietly with status 0 when the reader goes away', async () => {
    const file = join(tempDir('rtlog-pipe'), 'many.log');
    writeFileSync(file, Array.from({ length: 5000 }, (_, i) => `2026-11-21 14:00:00,000 - 1.000 - INFO - RT.api - message ${i}\n`).join(''));
    const child = spawn(process.execPath, [rtlog, file, '-n', '5000', '--no-color'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    // Read the first chunk, then close our end, as `head` does.
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.stdout.destroy();
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});

describe('rtlog on a file it may not read', () => {
  test('permission denied names the path, exit status 1', () => {
    const folder = tempDir('rtlog-denied');
    chmodSync(folder, 0o755);
    const file = join(folder, 'secret.log');
    writeFileSync(file, '2026-11-21 14:00:00,000 - 1.000 - INFO - RT.api - secret\n', { mode: 0o600 });
    chmodSync(file, 0o000);
    const r = runUnprivileged(file);
    expect(r.stderr).toBe(`rtlog: cannot read ${file}: permission denied\n`);
    expect(r.status).toBe(1);
    // The same user reads a file it may read: the copy runs.
    chmodSync(file, 0o644);
    expect(runUnprivileged(file, '--no-color').stdout).toContain('RT.api: secret');
  });
});

describe('rtlog on JSON lines', () => {
  test('a record with an exception shows its traceback line by line, causes first, as a text record does', async () => {
    const file = join(tempDir('rtlog-json'), 'run.jsonl');
    const textCopy = join(tempDir('rtlog-json'), 'run.log');
    const json = new FileHandler(file);
    json.setFormatter(new JsonFormatter());
    const text = new FileHandler(textCopy);
    text.setFormatter(new Formatter(FILE_FORMAT));
    const logger = getRtLogger('api');
    logger.addHandler(json);
    logger.addHandler(text);
    logger.exception('request failed', new Error('socket closed', { cause: new TypeError('inner cause') }));
    await json.close();
    await text.close();
    const fromJson = run(file).stdout;
    expect(fromJson).not.toContain('\\n');
    const jsonLines = fromJson.split('\n');
    const textLines = run(textCopy).stdout.split('\n');
    // The same block under the message, whichever layout the file has.
    expect(jsonLines.slice(1)).toEqual(textLines.slice(1));
    expect(jsonLines[0]).toMatch(/RT\.api: request failed$/);
    expect(fromJson).toContain('TypeError: inner cause\n        at ');
    expect(fromJson).toContain('The above exception was the direct cause of the following exception:');
    expect(fromJson).toContain('Error: socket closed\n        at ');
    // --fields no longer repeats it as an escaped string.
    expect(run(file, '--fields').stdout).not.toContain('"exception"');
  });

  test('a field nested deeper than the call stack allows prints cut at 64 levels with --fields and --json', () => {
    const file = join(tempDir('rtlog-json'), 'deep.jsonl');
    const n = 150_000;
    writeFileSync(file, `{"timestamp":"2026-11-21T14:00:00.000Z","level":"INFO","logger":"RT.deep","message":"deep","f":${'{"a":'.repeat(n)}1${'}'.repeat(n)}}\n`);
    const fields = run(file, '--fields');
    expect(fields.stderr).toBe('');
    expect(fields.status).toBe(0);
    const shown = /RT\.deep: deep \{"f":((?:\{"a":)+)"\[Object\]"\}+$/m.exec(fields.stdout);
    expect(shown?.[1]?.length).toBe('{"a":'.length * 63); // f at level 1, its 63 nested objects, then the cut
    const json = run(file, '--json');
    expect(json.status).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ logger: 'RT.deep', message: 'deep' });
  });

  test("a Python worker's exc_text is shown under its record", () => {
    const file = join(tempDir('rtlog-json'), 'py.jsonl');
    const record = { timestamp: '2026-11-21T14:00:00.000Z', level: 'ERROR', logger: 'RT.py', message: 'worker failed', exc_text: 'Traceback (most recent call last):\n  File "w.py", line 3, in <module>\nZeroDivisionError: division by zero' };
    writeFileSync(file, `${JSON.stringify(record)}\n`);
    // Under the record, indented as every continuation line rtlog prints.
    expect(run(file).stdout.split('\n').slice(1, 4)).toEqual(['    Traceback (most recent call last):', '      File "w.py", line 3, in <module>', '    ZeroDivisionError: division by zero']);
  });
});

describe('rtlog on a rotated set', () => {
  /** 40 records through a real RotatingFileHandler that rolls over every few records. */
  function writeRotated(naming: 'numbered' | 'timestamped'): string {
    const folder = tempDir(`rotated-${naming}`);
    const file = join(folder, 'app.log');
    const handler = new RotatingFileHandler(file, { maxBytes: 400, backupCount: 50, backupNaming: naming });
    handler.setFormatter(new Formatter(FILE_FORMAT));
    const logger = getRtLogger('rot');
    logger.setLevel('INFO');
    logger.addHandler(handler);
    for (let i = 0; i < 40; i++) {
      // Timestamped backups are named by the second of the rollover; a second apart keeps them in order.
      setClock(() => Date.UTC(2026, 10, 21, 14, 0, i));
      logger.info('record %d', i);
    }
    handler.close();
    logger.removeHandler(handler);
    return file;
  }

  test.each(['numbered', 'timestamped'] as const)('%s backups read as one log, newest first, paged with --before', (naming) => {
    const file = writeRotated(naming);
    const all = run(file, '--rotated', '-n', '100');
    expect(all.status).toBe(0);
    expect(messages(all.stdout)).toEqual(Array.from({ length: 40 }, (_, i) => `record ${i}`));
    // Without --rotated only the current file is read, and rtlog says where the rest is.
    const current = run(file, '-n', '100');
    expect(messages(current.stdout).length).toBeLessThan(40);
    expect(current.stderr).toContain('--rotated');
    // Paging back across the files with the cursor gives the same records.
    const seen: string[] = [];
    let before: string | undefined;
    for (;;) {
      const page = run(file, '-r', '-n', '7', ...(before !== undefined ? ['--before', before] : []));
      seen.unshift(...messages(page.stdout));
      before = /--before (\d+)/.exec(page.stderr)?.[1];
      if (before === undefined) break;
    }
    expect(seen).toEqual(Array.from({ length: 40 }, (_, i) => `record ${i}`));
  });

  test("TimedRotatingFileHandler's dated backups are part of the set", () => {
    const folder = tempDir('rotated-timed');
    const file = join(folder, 'app.log');
    writeFileSync(`${file}.2026-11-19`, '2026-11-19 10:00:00,000 - 1.000 - INFO - RT.day - day 19\n');
    writeFileSync(`${file}.2026-11-20`, '2026-11-20 10:00:00,000 - 1.000 - INFO - RT.day - day 20\n');
    writeFileSync(file, '2026-11-21 10:00:00,000 - 1.000 - INFO - RT.day - day 21\n');
    mkdirSync(join(folder, 'app.log.not-a-backup'));
    expect(messages(run(file, '--rotated').stdout)).toEqual(['day 19', 'day 20', 'day 21']);
  });
});
