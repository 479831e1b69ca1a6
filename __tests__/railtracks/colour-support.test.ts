/**
 * The one colour decision, seen from the outside: the console handler (stderr) and rtlog
 * (stdout) in real child processes, on a real pseudo-terminal (util-linux `script`) and on
 * pipes, under each environment switch.
 */
import { afterAll, describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { removeTempDirs, tempDir } from '../support/temp-dir.js';

const dist = fileURLToPath(new URL('../../dist/index.js', import.meta.url));
const rtlog = fileURLToPath(new URL('../../dist/cli/rtlog.js', import.meta.url));
afterAll(removeTempDirs);

const dir = tempDir('colour');
const consoleScript = join(dir, 'console.mjs');
writeFileSync(consoleScript, `import { enableLogging, getRtLogger } from ${JSON.stringify(dist)};
enableLogging();
getRtLogger('worker').warning('careful');
`);
const logFile = join(dir, 'run.log');
writeFileSync(logFile, '2026-11-21 14:00:00,000 - 1.000 - WARNING - RT.worker - careful\n');

/** The environment of the test run without any colour switch, plus `env`. */
function environment(env: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v !== undefined && k !== 'NO_COLOR' && k !== 'FORCE_COLOR' && k !== 'TERM' && k !== 'COLORTERM') out[k] = v;
  }
  return { ...out, ...env };
}

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** Run `node args…` with its stdout and stderr on a fresh pseudo-terminal; returns what the terminal showed. */
function onTerminal(args: string[], env: Record<string, string>): string {
  const command = [process.execPath, ...args].map(quote).join(' ');
  const r = spawnSync('script', ['-qec', command, '/dev/null'], { env: environment({ TERM: 'xterm', ...env }), encoding: 'utf8', input: '' });
  expect(r.status).toBe(0);
  expect(r.stdout).toContain('careful');
  return r.stdout;
}

/** Run `node args…` with stdout and stderr on pipes; returns both. */
function onPipes(args: string[], env: Record<string, string>): string {
  const r = spawnSync(process.execPath, args, { env: environment(env), encoding: 'utf8' });
  expect(r.status).toBe(0);
  expect(r.stdout + r.stderr).toContain('careful');
  return r.stdout + r.stderr;
}

const ESC = '\u001b[';
const programs = [['the console handler', [consoleScript]], ['rtlog', [rtlog, logFile]]] as const;

describe.each(programs)('colour decision for %s', (_name, args) => {
  test('a terminal gets colour', () => {
    expect(onTerminal([...args], {})).toContain(ESC);
  });

  test('a non-empty NO_COLOR turns it off on a terminal; an empty one is ignored', () => {
    expect(onTerminal([...args], { NO_COLOR: '1' })).not.toContain(ESC);
    expect(onTerminal([...args], { NO_COLOR: '' })).toContain(ESC);
  });

  test('FORCE_COLOR=0 and FORCE_COLOR=false turn it off on a terminal', () => {
    expect(onTerminal([...args], { FORCE_COLOR: '0' })).not.toContain(ESC);
    expect(onTerminal([...args], { FORCE_COLOR: 'false' })).not.toContain(ESC);
  });

  test('TERM=dumb turns it off on a terminal, unless FORCE_COLOR asks for it', () => {
    expect(onTerminal([...args], { TERM: 'dumb' })).not.toContain(ESC);
    expect(onTerminal([...args], { TERM: 'dumb', FORCE_COLOR: '1' })).toContain(ESC);
  });

  test('a pipe gets none, unless FORCE_COLOR=1..3 asks for it; NO_COLOR wins over FORCE_COLOR', () => {
    expect(onPipes([...args], {})).not.toContain(ESC);
    for (const level of ['1', '2', '3']) expect(onPipes([...args], { FORCE_COLOR: level })).toContain(ESC);
    expect(onPipes([...args], { FORCE_COLOR: '1', NO_COLOR: '1' })).not.toContain(ESC);
  });
});
