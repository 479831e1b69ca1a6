/**
 * Runs Node child processes for tests that need a real process boundary: exit, crash,
 * signals. Resolves with how the child ended and what it printed.
 */
import { spawn, type ChildProcess } from 'node:child_process';

export interface ChildResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Spawn `node script ...args`; when `onReady` is given it is called once the child prints a
 * line `ready` (the child then typically waits for a signal).
 * @example const r = await runNode(script, [file, 'exit', '10']); expect(r.code).toBe(0);
 */
export function runNode(
  script: string,
  args: string[],
  onReady?: (child: ChildProcess) => void,
  env: NodeJS.ProcessEnv = process.env,
): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env });
    let stdout = '';
    let stderr = '';
    let signalled = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      if (!signalled && onReady !== undefined && stdout.includes('ready\n')) {
        signalled = true;
        onReady(child);
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/**
 * Run `source` as an ES module in a child node with `env` added (e.g. another `TZ`, which a
 * process fixes at start-up), feeding `stdin`; resolves with its stdout, rejects with its stderr.
 * @example const out = await runNodeModule('process.stdout.write(new Date(0).getHours() + "")', '', { TZ: 'Asia/Kolkata' }); // '5'
 */
export function runNodeModule(source: string, stdin: string, env: NodeJS.ProcessEnv = {}): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', source], { env: { ...process.env, ...env } });
    let text = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (text += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(text) : reject(new Error(`node child failed: ${err}`))));
    child.stdin.end(stdin);
  });
}

/**
 * Run `source` as an ES module in a child node that is killed (SIGKILL) after `killAfterMs`:
 * a stall or a hang shows as `signal: 'SIGKILL'` instead of a test that never ends.
 * `heapMiB` caps the child's heap, so unbounded memory shows as a crash.
 * @example const r = await runModuleWithKillTimeout('console.log(1)', { killAfterMs: 20_000, heapMiB: 128 });
 */
export function runModuleWithKillTimeout(source: string, options: { killAfterMs: number; heapMiB?: number }): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const flags = options.heapMiB === undefined ? [] : [`--max-old-space-size=${options.heapMiB}`];
    const child = spawn(process.execPath, [...flags, '--input-type=module', '-e', source], {
      stdio: ['ignore', 'pipe', 'pipe'], timeout: options.killAfterMs, killSignal: 'SIGKILL',
    });
    let stdout = '';
    let stderr = '';
    child.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}
