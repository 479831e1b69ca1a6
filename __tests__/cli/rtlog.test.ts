import { afterAll, describe, expect, test } from '@jest/globals';
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { removeTempDirs, tempDir } from '../support/temp-dir.js';

const rtlog = fileURLToPath(new URL('../../dist/cli/rtlog.js', import.meta.url));
afterAll(removeTempDirs);

const dir = tempDir('rtlog');
const textFile = join(dir, 'run.log');
const lines: string[] = [];
for (let i = 0; i < 30; i++) {
  const level = ['DEBUG', 'INFO', 'WARNING', 'ERROR'][i % 4];
  lines.push(`2026-11-21 14:${String(i).padStart(2, '0')}:00,000 - ${i}.000 - ${level} - RT.${i % 2 ? 'db' : 'api'} - message ${i}`);
}
writeFileSync(textFile, `${lines.join('\n')}\nTraceback line for message 29\n`);
const jsonFile = join(dir, 'run.jsonl');
writeFileSync(jsonFile, '{"timestamp":"2026-11-21T14:00:00.000Z","level":"INFO","logger":"RT.api","message":"json one","user":"ada"}\n');

function run(...args: string[]) {
  return spawnSync(process.execPath, [rtlog, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
}
const messages = (stdout: string) => stdout.split('\n').filter((l) => / RT\.\w+: /.test(l)).map((l) => l.split(': ')[1]);

describe('rtlog', () => {
  test('prints the newest page with the newest record last, and says how to get older ones', () => {
    const r = run(textFile, '-n', '3', '--no-color');
    expect(r.status).toBe(0);
    expect(messages(r.stdout)).toEqual(['message 27', 'message 28', 'message 29']);
    expect(r.stdout).toContain('Traceback line for message 29');
    expect(r.stdout).toMatch(/^✖ 2026-11-21 14:27:00\.000 ERROR    RT\.db: message 27$/m);
    expect(r.stderr).toContain('--page 1');
    const before = /--before (\d+)/.exec(r.stderr)?.[1];
    expect(messages(run(textFile, '-n', '3', '--before', before!).stdout)).toEqual(['message 24', 'message 25', 'message 26']);
  });

  test('pages back and filters by level and logger', () => {
    expect(messages(run(textFile, '-n', '3', '-p', '1').stdout)).toEqual(['message 24', 'message 25', 'message 26']);
    expect(messages(run(textFile, '--level', 'ERROR', '--logger', 'RT.db').stdout)).toEqual(['message 3', 'message 7', 'message 11', 'message 15', 'message 19', 'message 23', 'message 27']);
    const window = run(textFile, '--since', '2026-11-21T14:10:00', '--until', '2026-11-21T14:12:00');
    expect(messages(window.stdout)).toEqual(['message 10', 'message 11', 'message 12']);
  });

  test('prints JSON records, their fields on request, and colours when forced', () => {
    expect(run(jsonFile, '--fields').stdout).toContain('RT.api: json one {"user":"ada"}');
    expect(JSON.parse(run(jsonFile, '--json').stdout)).toMatchObject({ level: 'INFO', logger: 'RT.api', message: 'json one', fields: { user: 'ada' } });
    expect(run(jsonFile, '--color').stdout).toContain('\u001b[');
  });

  test('rejects bad usage with exit status 2 and the help text', () => {
    const r = run();
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('Usage: rtlog <file>');
    expect(run(textFile, '--bogus').status).toBe(2);
    expect(run(textFile, '-n', '0').stderr).toContain('--page-size must be a whole number ≥ 1');
  });

  test('-f prints records appended after it started, filtered, until interrupted', async () => {
    const file = join(dir, 'follow.log');
    writeFileSync(file, `${lines[0]}\n`);
    const child = spawn(process.execPath, [rtlog, file, '-f', '--level', 'INFO', '--no-color'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    await new Promise<void>((resolve) => {
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        stdout += chunk;
        if (stdout.includes('message 3')) resolve();
      });
      // Appended once rtlog has printed its first page (empty here: message 0 is DEBUG).
      setTimeout(() => appendFileSync(file, `${lines[1]}\n${lines[2]}\n${lines[3]}\n`), 500);
    });
    child.kill('SIGINT');
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(messages(stdout)).toEqual(['message 1', 'message 2', 'message 3']);
  });

  test('-f shows a traceback only under a record the filter kept', async () => {
    const file = join(dir, 'follow-tracebacks.log');
    writeFileSync(file, '');
    const child = spawn(process.execPath, [rtlog, file, '-f', '--logger', 'RT.db', '--no-color'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    await new Promise<void>((resolve) => {
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        stdout += chunk;
        if (stdout.includes('db done')) resolve();
      });
      setTimeout(() => appendFileSync(file, [
        '2026-11-21 14:01:00,000 - 1.000 - ERROR - RT.api - api failed',
        'Traceback of the api failure',
        '2026-11-21 14:02:00,000 - 2.000 - ERROR - RT.db - db failed',
        'Traceback of the db failure',
      ].join('\n') + '\n'), 500);
      // In a later poll: the rest of the db traceback arrives on its own, then a kept record.
      setTimeout(() => appendFileSync(file, 'db traceback, continued\n2026-11-21 14:03:00,000 - 3.000 - INFO - RT.api - api again\n'
        + 'api traceback, continued\n2026-11-21 14:04:00,000 - 4.000 - INFO - RT.db - db done\n'), 1_000);
    });
    child.kill('SIGINT');
    await new Promise((resolve) => child.on('close', resolve));
    expect(messages(stdout)).toEqual(['db failed', 'db done']);
    expect(stdout).toContain('Traceback of the db failure');
    expect(stdout).toContain('db traceback, continued');
    expect(stdout).not.toContain('api');
  });
});
