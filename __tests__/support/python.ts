/**
 * Shared access to the machine's real `python3`, the oracle of every interop test.
 * Suites wrap themselves in {@link describeWithPython}; they skip with a visible notice when
 * python3 is absent, except under `CI=true`, where a missing python3 is a failure.
 */
import { spawn, spawnSync } from 'node:child_process';
import { describe, test } from '@jest/globals';

let available: boolean | undefined;

/** Python must speak UTF-8 on its pipes whatever the locale says. */
const PYTHON_ENV = { ...process.env, PYTHONIOENCODING: 'utf-8', PYTHONUTF8: '1' };

/**
 * Whether a working `python3` is on PATH (checked once per test file).
 *
 * @example
 * if (hasPython()) console.log('oracle available');
 */
export function hasPython(): boolean {
  if (available === undefined) {
    const probe = spawnSync('python3', ['-c', 'import sys; print(sys.version_info[0])'], { encoding: 'utf8' });
    available = probe.status === 0 && probe.stdout.trim() === '3';
  }
  return available;
}

/**
 * Runs `code` in a real `python3` child process, feeding `stdin`, and resolves with its stdout.
 * Rejects with the exit status and stderr when Python fails.
 *
 * @example
 * await runPython('import sys; print("%05.1f" % float(sys.stdin.read()))', '3.14159'); // '003.1\n'
 */
export function runPython(code: string, stdin = ''): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('python3', ['-c', code], { env: PYTHON_ENV, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (status, signal) => {
      const stderr = Buffer.concat(err).toString('utf8');
      if (status === 0) resolve(Buffer.concat(out).toString('utf8'));
      else reject(new Error(`python3 exited with ${status ?? signal}:\n${stderr}`));
    });
    child.stdin.on('error', () => { /* the close handler reports the failure */ });
    child.stdin.end(stdin, 'utf8');
  });
}

/**
 * `describe` for suites that need python3: runs them when it exists; otherwise prints a notice
 * and skips, or fails when `CI=true` (CI must never silently lose the differential tests).
 *
 * @example
 * describeWithPython('percent formatting matches python3', () => {
 *   test('…', async () => { expect(await runPython('print(1)')).toBe('1\n'); });
 * });
 */
export function describeWithPython(name: string, fn: () => void): void {
  if (hasPython()) {
    describe(name, fn);
    return;
  }
  if (process.env.CI === 'true') {
    describe(name, () => {
      test('python3 is available (required when CI=true)', () => {
        throw new Error('python3 was not found on PATH; differential tests cannot be skipped under CI=true');
      });
    });
    return;
  }
  console.warn(`NOTICE: python3 not found on PATH; skipping "${name}" (install python3 to run it).`);
  describe.skip(name, fn);
}
