import { afterAll, describe, expect, test } from '@jest/globals';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { createLogServer, type LogServer } from '../../lib/viewer/index.js';
import { removeTempDirs, tempDir } from '../support/temp-dir.js';

const root = tempDir('viewer-safety');
const served = join(root, 'served');
mkdirSync(served);
const LINE = '2026-11-21 14:00:00,000 - 0.000 - INFO - RT - served line\n';
writeFileSync(join(served, 'app.log'), LINE);
writeFileSync(join(root, 'secret.log'), '2026-11-21 14:00:00,000 - 0.000 - INFO - RT - SECRET-CONTENT\n');
mkdirSync(join(served, 'sub'));
writeFileSync(join(served, 'sub', 'inner.log'), LINE);
symlinkSync(join(root, 'secret.log'), join(served, 'escape.log'));
symlinkSync(join(served, 'sub', 'inner.log'), join(served, 'inside-link.log'));
symlinkSync(join(served, 'sub'), join(served, 'folder-link'));
const servers: LogServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  removeTempDirs();
});

async function start(options: Parameters<typeof createLogServer>[0]): Promise<LogServer> {
  const s = await createLogServer(options);
  servers.push(s);
  return s;
}

/** A raw request, so the path goes out exactly as written (fetch would normalise `..`). */
function raw(server: LogServer, path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<{ status: number; body: string }> {
  const { port } = server.server.address() as { port: number };
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers ?? {} }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (c: string) => (body += c)).on('end', () => resolve({ status: res.statusCode!, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('only the files it was given', () => {
  test('a folder: its own files and symlinks that stay inside it; a symlink leading out is neither listed nor served', async () => {
    const s = await start({ dir: served });
    const names = JSON.parse((await raw(s, '/api/files')).body).files.map((f: { name: string }) => f.name);
    expect(names).toEqual(['app.log', 'inside-link.log']);
    const escape = await raw(s, '/api/logs?file=escape.log');
    expect(escape.status).toBe(404);
    expect(escape.body).not.toContain('SECRET');
    expect((await raw(s, '/api/logs?file=inside-link.log')).body).toContain('served line');
    // A link to a folder inside is no file to serve either.
    expect((await raw(s, '/api/logs?file=folder-link')).status).toBe(404);
  });

  test.each([
    '/api/logs?file=../secret.log',
    '/api/logs?file=..%2Fsecret.log',
    `/api/logs?file=${encodeURIComponent(join(root, 'secret.log'))}`,
    '/api/logs?file=sub/inner.log',
    '/api/logs?file=sub%2F..%2F..%2Fsecret.log',
    '/api/timeline?file=../secret.log',
    '/api/stream?file=../secret.log',
    '/../secret.log',
    '/api/../../secret.log',
    '/%2e%2e/%2e%2e/secret.log',
  ])('path traversal %s gets no file content', async (path) => {
    const s = await start({ dir: served });
    const r = await raw(s, path);
    expect(r.body).not.toContain('SECRET');
    expect(r.status).toBe(404);
  });

  test('a list of files: those files, however they are named', async () => {
    const s = await start({ files: [join(served, 'app.log')] });
    expect(JSON.parse((await raw(s, '/api/files')).body).files.map((f: { name: string }) => f.name)).toEqual(['app.log']);
    expect((await raw(s, '/api/logs?file=inside-link.log')).status).toBe(404);
    expect((await raw(s, `/api/logs?file=${encodeURIComponent(join(root, 'secret.log'))}`)).status).toBe(404);
  });

  test('a path that is not there is a clear error at start', async () => {
    await expect(createLogServer({ files: [join(root, 'missing.log')] })).rejects.toThrow(/missing\.log is not a file; give existing log files/);
    await expect(createLogServer({ dir: join(root, 'nope') })).rejects.toThrow(/is not a folder/);
  });
});

describe('a token beyond loopback', () => {
  test('binding 0.0.0.0 makes up a token and asks for it on every request', async () => {
    const s = await start({ dir: served, host: '0.0.0.0' });
    expect(s.token).toMatch(/^[\w-]{32}$/);
    expect(s.url).toContain(`?token=${s.token}`);
    for (const path of ['/', '/api/files', '/api/logs?file=app.log', '/api/stream?file=app.log']) {
      expect([path, (await raw(s, path)).status]).toEqual([path, 401]);
    }
    expect((await raw(s, '/api/files?token=wrong')).status).toBe(401);
    expect((await raw(s, '/api/files', { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
    expect((await raw(s, `/api/files?token=${s.token}`)).status).toBe(200);
    expect((await raw(s, '/api/files', { headers: { authorization: `Bearer ${s.token}` } })).status).toBe(200);
    // With a token the Host header does not matter: the token is the guard.
    expect((await raw(s, `/api/files?token=${s.token}`, { headers: { host: 'viewer.example' } })).status).toBe(200);
  });

  test('a given token is required on loopback too', async () => {
    const s = await start({ dir: served, token: 'opensesame' });
    expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=opensesame$/);
    expect((await raw(s, '/api/files')).status).toBe(401);
    expect((await raw(s, '/api/files?token=opensesame')).status).toBe(200);
  });

  test('without a token, a Host other than loopback is refused (DNS rebinding)', async () => {
    const s = await start({ dir: served });
    const r = await raw(s, '/api/files', { headers: { host: 'attacker.example:80' } });
    expect(r.status).toBe(403);
    expect(JSON.parse(r.body).error).toMatch(/open the viewer via 127\.0\.0\.1 or localhost/);
    expect((await raw(s, '/api/files', { headers: { host: 'localhost:1234' } })).status).toBe(200);
  });
});

describe('read-only and bounded', () => {
  test.each(['POST', 'PUT', 'DELETE', 'PATCH'])('%s is refused', async (method) => {
    const s = await start({ dir: served });
    const r = await raw(s, '/api/files', { method });
    expect(r.status).toBe(405);
  });

  test('a request with a body, and an over-long URL, are refused', async () => {
    const s = await start({ dir: served });
    expect((await raw(s, '/api/files', { headers: { 'content-length': '5' }, body: 'hello' })).status).toBe(413);
    expect((await raw(s, `/api/logs?file=app.log&q=${'x'.repeat(5000)}`)).status).toBe(414);
    expect((await raw(s, `/api/logs?file=app.log&q=${'x'.repeat(600)}`)).status).toBe(400);
  });

  test('live streams beyond the limit are answered 503', async () => {
    const s = await start({ dir: served, maxStreams: 1 });
    const { port } = s.server.address() as { port: number };
    const first = await new Promise<import('node:http').IncomingMessage>((resolve) => request({ host: '127.0.0.1', port, path: '/api/stream?file=app.log' }, resolve).end());
    expect(first.statusCode).toBe(200);
    const second = await raw(s, '/api/stream?file=app.log');
    expect(second.status).toBe(503);
    expect(JSON.parse(second.body).error).toBe('at most 1 live streams at once; close one');
    first.destroy();
  });

  test('the page forbids every source but its own nonce-tagged style and script', async () => {
    const s = await start({ dir: served });
    const res = await fetch(s.url);
    const csp = res.headers.get('content-security-policy')!;
    const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
    expect(csp).toContain("default-src 'none'");
    const html = await res.text();
    expect(html.match(/<script[^>]*>/g)).toEqual([`<script nonce="${nonce}">`]);
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
  });
});
