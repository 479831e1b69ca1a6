import { afterAll, describe, expect, test } from '@jest/globals';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { removeTempDirs, tempDir } from '../support/temp-dir.js';

const rtlog = fileURLToPath(new URL('../../dist/cli/rtlog.js', import.meta.url));
const dir = tempDir('rtlog-serve');
writeFileSync(join(dir, 'run.log'), '2026-11-21 14:00:00,000 - 0.000 - INFO - RT - served by rtlog\n');
afterAll(removeTempDirs);

/** Start `rtlog serve …`, wait for the address it prints, run `use`, stop it with SIGTERM. */
function serve(args: string[], use: (url: string, out: string) => Promise<void>): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [rtlog, 'serve', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let started = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const url = /Serving logs at (\S+)/.exec(out)?.[1];
      if (url === undefined || started || !out.includes('Ctrl-C')) return;
      started = true;
      use(url, out).then(() => child.kill('SIGTERM'), (err) => { child.kill('SIGKILL'); reject(err); });
    });
    child.on('error', reject);
    child.on('close', (code) => resolve(code));
  });
}

describe('rtlog serve', () => {
  test('serves a folder on 127.0.0.1 and stops cleanly on SIGTERM', async () => {
    const code = await serve([dir, '--port', '0'], async (url) => {
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const body = await (await fetch(new URL('/api/logs?file=run.log', url))).json() as { logs: Array<{ message: string }> };
      expect(body.logs.map((r) => r.message)).toEqual(['served by rtlog']);
    });
    expect(code).toBe(0);
  });

  test('beyond loopback it makes up a token, prints it in the address, and requires it', async () => {
    const code = await serve([join(dir, 'run.log'), '--host', '0.0.0.0', '--port', '0'], async (url, out) => {
      expect(out).toContain('A token was made up for this run');
      const token = new URL(url).searchParams.get('token');
      expect(token).toMatch(/^[\w-]{32}$/);
      const port = new URL(url).port;
      expect((await fetch(`http://127.0.0.1:${port}/api/files`)).status).toBe(401);
      expect((await fetch(`http://127.0.0.1:${port}/api/files?token=${token}`)).status).toBe(200);
    });
    expect(code).toBe(0);
  });

  test('a missing file is a clear error and exit code 1', async () => {
    const child = spawn(process.execPath, [rtlog, 'serve', join(dir, 'missing.log')], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.setEncoding('utf8').on('data', (c: string) => (err += c));
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(1);
    expect(err).toMatch(/^rtlog serve: createLogServer: .*missing\.log is not a file; give existing log files\n$/);
  });
});
