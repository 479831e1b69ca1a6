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
