import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals';
import { appendFileSync, copyFileSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { get, type IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { extra, FILE_FORMAT, FileHandler, Formatter, getRtLogger, JsonFormatter, setClock } from '../../lib/index.js';
import { readLogs, type ReadLogsOptions } from '../../lib/reader/index.js';
import { StampManager, buildTimeline } from '../../lib/profiling/index.js';
import { createLogServer, type LogServer } from '../../lib/viewer/index.js';
import { resetLogging } from '../../lib/testing/index.js';
import { removeTempDirs, tempDir } from '../support/temp-dir.js';

const T0 = Date.UTC(2026, 10, 21, 14, 0, 0);
const dir = tempDir('viewer-api');
let viewer: LogServer;

/** Records through real handlers, one minute apart, alternating loggers and levels, with a traceback last. */
function writeLog(file: string, formatter: Formatter): void {
  const handler = new FileHandler(file);
  handler.setFormatter(formatter);
  const root = getRtLogger();
  root.setLevel('DEBUG');
  root.addHandler(handler);
  const levels = ['debug', 'info', 'warning', 'error'] as const;
  for (let i = 0; i < 40; i++) {
    setClock(() => T0 + i * 60_000);
    getRtLogger(i % 2 === 0 ? 'worker' : 'worker.db')[levels[i % 4]!]('record %d needle%d', i, i % 5, extra({ i, sessionId: `s-${i % 3}` }));
  }
  setClock(() => T0 + 40 * 60_000);
  getRtLogger('api').exception('request failed', new Error('socket closed'));
  handler.close();
  root.removeHandler(handler);
  setClock();
}

beforeAll(async () => {
  writeLog(join(dir, 'run.log'), new Formatter(FILE_FORMAT));
  writeLog(join(dir, 'run.jsonl'), new JsonFormatter());
  copyFileSync(join(dir, 'run.log'), join(dir, 'run.log.1'));
  const sm = new StampManager();
  sm.createStamp('Session start');
  const call = sm.stampCreator();
  call('embed CREATED');
  call('embed DONE');
  writeFileSync(join(dir, 'run.stamps.json'), JSON.stringify(sm));
  viewer = await createLogServer({ dir, pollIntervalMs: 20 });
});
afterEach(() => resetLogging());
afterAll(async () => {
  await viewer.close();
  removeTempDirs();
});

async function getJson(path: string): Promise<{ status: number; body: any }> {
  const res = await fetch(new URL(path, viewer.url));
  return { status: res.status, body: await res.json() };
}

/** What readLogs gives, as it looks after a trip through JSON (an undefined time drops out). */
async function expected(file: string, options: ReadLogsOptions) {
  const page = await readLogs(join(dir, file), options);
  return { logs: JSON.parse(JSON.stringify(page.records)), has_more: page.hasMore, next_before: page.nextBefore ?? null };
}

describe('GET /api/files', () => {
  test('lists the folder with sizes and formats, the rotated backup beside its live file', async () => {
    const { status, body } = await getJson('/api/files');
    expect(status).toBe(200);
    const rows = body.files.map((f: any) => [f.name, f.format, f.set]);
    expect(rows).toEqual([
      ['run.jsonl', 'json', 'run.jsonl'],
      ['run.log', 'text', 'run.log'],
      ['run.log.1', 'text', 'run.log'],
      ['run.stamps.json', 'stamps', 'run.stamps.json'],
    ]);
    expect(body.files[1].size).toBeGreaterThan(1000);
  });
});

describe.each(['run.log', 'run.jsonl'])('GET /api/logs on %s equals readLogs', (file) => {
  const cases: Array<[string, Record<string, string>, ReadLogsOptions]> = [
    ['the newest page', { page_size: '7' }, { pageSize: 7 }],
    ['page 2', { page_size: '5', page: '2' }, { pageSize: 5, page: 2 }],
    ['a level', { level: 'WARNING', page_size: '4' }, { level: 'WARNING', pageSize: 4 }],
    ['a logger and its children', { logger: 'RT.worker', page_size: '100' }, { logger: 'RT.worker', pageSize: 100 }],
    ['a child logger only', { logger: 'RT.worker.db', page_size: '6', page: '1' }, { logger: 'RT.worker.db', pageSize: 6, page: 1 }],
    ['a time range', { since: String(T0 + 10 * 60_000), until: '2026-11-21T14:20:00Z', page_size: '50' }, { since: T0 + 10 * 60_000, until: '2026-11-21T14:20:00Z', pageSize: 50 }],
    ['everything', { page_size: '1000' }, { pageSize: 1000 }],
  ];
  test.each(cases)('%s', async (_label, params, options) => {
    const { status, body } = await getJson(`/api/logs?${new URLSearchParams({ file, ...params })}`);
    expect(status).toBe(200);
    expect({ logs: body.logs, has_more: body.has_more, next_before: body.next_before }).toEqual(await expected(file, options));
    expect(body.page).toBe(options.page ?? 0);
    expect(body.page_size).toBe(options.pageSize);
  });

  test('next_before walks every page, as readLogs with before does', async () => {
    let before: number | null = null;
    const walked: string[] = [];
    do {
      const params: Record<string, string> = { file, page_size: '6', level: 'INFO', ...(before === null ? {} : { before: String(before) }) };
      const { body } = await getJson(`/api/logs?${new URLSearchParams(params)}`);
      const want = await expected(file, { pageSize: 6, level: 'INFO', ...(before === null ? {} : { before }) });
      expect(body.logs).toEqual(want.logs);
      walked.push(...body.logs.map((r: any) => r.message.split('\n')[0]));
      before = body.next_before;
    } while (before !== null);
    expect(walked).toEqual((await expected(file, { level: 'INFO', pageSize: 1000 })).logs.map((r: any) => r.message.split('\n')[0]));
    expect(walked).toHaveLength(31);
  });

  test('q searches the record text, as a substring or a /regex/, with the reader filters', async () => {
    const all = (await expected(file, { pageSize: 1000, level: 'INFO' })).logs;
    const plain = await getJson(`/api/logs?${new URLSearchParams({ file, q: 'NEEDLE3', level: 'INFO', page_size: '1000' })}`);
    expect(plain.body.logs).toEqual(all.filter((r: any) => r.raw.toLowerCase().includes('needle3')));
    expect(plain.body.logs.length).toBeGreaterThan(3);
    const regex = await getJson(`/api/logs?${new URLSearchParams({ file, q: '/record 1\\d needle[04]/', page_size: '1000' })}`);
    expect(regex.body.logs.map((r: any) => r.message)).toEqual(['record 19 needle4', 'record 15 needle0', 'record 14 needle4', 'record 10 needle0']);
    const traceback = await getJson(`/api/logs?${new URLSearchParams({ file, q: 'socket closed' })}`);
    expect(traceback.body.logs.map((r: any) => r.logger)).toEqual(['RT.api']);
  });

  test('levels picks exact levels; field.<name> matches a structured field', async () => {
    const levels = await getJson(`/api/logs?${new URLSearchParams({ file, levels: 'DEBUG,ERROR', page_size: '1000' })}`);
    expect(new Set(levels.body.logs.map((r: any) => r.level))).toEqual(new Set(['DEBUG', 'ERROR']));
    expect(levels.body.logs).toHaveLength(21);
    if (file === 'run.jsonl') {
      const byField = await getJson(`/api/logs?${new URLSearchParams({ file, 'field.sessionId': 's-1', page_size: '1000' })}`);
      expect(byField.body.logs.map((r: any) => r.fields.i)).toEqual([37, 34, 31, 28, 25, 22, 19, 16, 13, 10, 7, 4, 1]);
    }
  });
});

describe('bad queries are answered 400 with what to send', () => {
  test.each([
    ['page_size=0', /page_size must be a whole number ≥ 1/],
    ['page_size=5000', /page_size must be at most 1000/],
    ['page=-1', /page must be a whole number ≥ 0/],
    ['level=LOUD', /level must be a level name/],
    ['since=yesterday', /since must be epoch milliseconds or a date/],
    ['q=/(unclosed/', /q is not a valid regular expression/],
  ])('%s', async (query, message) => {
    const { status, body } = await getJson(`/api/logs?file=run.log&${query}`);
    expect(status).toBe(400);
    expect(body.error).toMatch(message);
  });

  test('a missing file parameter', async () => {
    const { status, body } = await getJson('/api/logs');
    expect([status, body.error]).toEqual([400, 'file is required: one of the names GET /api/files lists']);
  });
});

describe('GET /api/timeline', () => {
  test('gives the timeline model of a saved stamp file, and its HTML page', async () => {
    const { status, body } = await getJson('/api/timeline?file=run.stamps.json');
    expect(status).toBe(200);
    const model = JSON.parse(JSON.stringify(buildTimeline(StampManager.fromJSON(JSON.parse(readFileSync(join(dir, 'run.stamps.json'), 'utf8'))))));
    expect(body.timeline).toEqual(model);
    const html = await fetch(new URL('/api/timeline?file=run.stamps.json&format=html', viewer.url));
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await html.text()).toContain('embed');
  });

  test('a log file is not a stamp file: 422 with how to make one', async () => {
    const { status, body } = await getJson('/api/timeline?file=run.log');
    expect(status).toBe(422);
    expect(body.error).toMatch(/^not a saved StampManager \(write one with JSON\.stringify\(stampManager\)\)/);
  });
});

/** A minimal EventSource: events as they arrive, each with its id. */
function openStream(path: string, lastEventId?: string): { events: Array<{ id?: string; event?: string; data?: string }>; res: Promise<IncomingMessage>; next: (n: number) => Promise<void>; close: () => void } {
  const events: Array<{ id?: string; event?: string; data?: string }> = [];
  const waiters: Array<() => void> = [];
  let buffer = '';
  let response: IncomingMessage | undefined;
  const res = new Promise<IncomingMessage>((resolve) => {
    const req = get(new URL(path, viewer.url), { headers: lastEventId === undefined ? {} : { 'last-event-id': lastEventId } }, (r) => {
      response = r;
      resolve(r);
      r.setEncoding('utf8').on('data', (chunk: string) => {
        buffer += chunk;
        let cut;
        while ((cut = buffer.indexOf('\n\n')) !== -1) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const ev: { id?: string; event?: string; data?: string } = {};
          for (const line of block.split('\n')) {
            const m = /^(id|event|data): (.*)$/.exec(line);
            if (m !== null) ev[m[1] as 'id'] = m[2];
          }
          if (Object.keys(ev).length > 0) events.push(ev);
          waiters.splice(0).forEach((w) => w());
        }
      });
    });
    req.on('error', () => undefined);
  });
  const next = async (n: number) => {
    while (events.length < n) await new Promise<void>((resolve) => waiters.push(resolve));
  };
  return { events, res, next, close: () => response?.destroy() };
}

const line = (n: number) => `2026-11-21 15:${String(n).padStart(2, '0')}:00,000 - ${n}.000 - INFO - RT.live - live ${n}`;

describe('GET /api/stream', () => {
  test('tails new records as events whose ids are byte offsets; a reconnect with Last-Event-ID misses nothing and repeats nothing', async () => {
    const file = join(dir, 'live.log');
    writeFileSync(file, `${line(0)}\n`);
    const first = openStream('/api/stream?file=live.log');
    await first.next(1);
    expect(first.events[0]).toMatchObject({ event: 'open', id: String(line(0).length + 1) });
    appendFileSync(file, `${line(1)}\n${line(2)}\nTraceback (most recent call last):\n  boom\n`);
    await first.next(3);
    const records = first.events.filter((e) => e.event === 'record').map((e) => JSON.parse(e.data!));
    expect(records.map((r) => r.message)).toEqual(['live 1', 'live 2\nTraceback (most recent call last):\n  boom']);
    const lastId = first.events[first.events.length - 1]!.id!;
    first.close();
    // Written while no one is connected.
    appendFileSync(file, `${line(3)}\n${line(4)}\n`);
    const second = openStream('/api/stream?file=live.log', lastId);
    await second.next(1);
    expect(second.events[0]).toMatchObject({ event: 'open', id: lastId });
    appendFileSync(file, `${line(5)}\n`);
    await second.next(4);
    expect(second.events.slice(1).map((e) => JSON.parse(e.data!).message)).toEqual(['live 3', 'live 4', 'live 5']);
    expect(second.events[3]!.id).toBe(String(statSync(file).size));
    second.close();
  });

  test('the stream applies the same filters; what it skips still moves the id on', async () => {
    const file = join(dir, 'filtered.log');
    writeFileSync(file, '');
    const s = openStream('/api/stream?file=filtered.log&level=WARNING');
    await s.next(1);
    appendFileSync(file, `${line(1)}\n${line(2).replace('INFO', 'ERROR')}\n`);
    await s.next(3);
    expect(s.events[1]).toEqual({ id: String(line(1).length + 1) });
    expect(JSON.parse(s.events[2]!.data!).message).toBe('live 2');
    s.close();
  });
});

describe('mounted on an existing http server', () => {
  test('answers under its base path and hands every other request back', async () => {
    const { createServer } = await import('node:http');
    const { createLogRequestHandler } = await import('../../lib/viewer/index.js');
    const logs = await createLogRequestHandler({ files: [join(dir, 'run.log')], basePath: '/logs/' });
    const server = createServer((req, res) => {
      if (logs(req, res)) return;
      res.writeHead(200, { 'content-type': 'text/plain' }).end('my own route');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    try {
      const files = await (await fetch(`${base}/logs/api/files`)).json() as { files: Array<{ name: string }> };
      expect(files.files.map((f) => f.name)).toEqual(['run.log']);
      const page = await (await fetch(`${base}/logs/`)).text();
      expect(page).toContain('<body data-base="/logs">');
      await expect((await fetch(`${base}/health`)).text()).resolves.toBe('my own route');
      await expect((await fetch(`${base}/logsx/api/files`)).text()).resolves.toBe('my own route');
      const head = await fetch(`${base}/logs/api/files`, { method: 'HEAD' });
      expect([head.status, await head.text()]).toEqual([200, '']);
    } finally {
      logs.close();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('GET /api/stream across a rotation', () => {
  test('a replaced file sends restart, then the new file from its first byte', async () => {
    const file = join(dir, 'rotating.log');
    writeFileSync(file, `${line(0)}\n`);
    const s = openStream('/api/stream?file=rotating.log');
    await s.next(1);
    const { renameSync } = await import('node:fs');
    renameSync(file, `${file}.1`);
    writeFileSync(file, `${line(7)}\n`);
    await s.next(3);
    expect(s.events.slice(1).map((e) => [e.event, e.id])).toEqual([['restart', '0'], ['record', String(line(7).length + 1)]]);
    s.close();
  });
});

describe('GET /api/stream resuming from far back', () => {
  test('a resume point more than 4 MiB behind starts at the end and says how much was skipped', async () => {
    const file = join(dir, 'far.log');
    writeFileSync(file, `${line(1)}\n`.repeat(Math.ceil((5 * 1024 * 1024) / (line(1).length + 1))));
    const size = statSync(file).size;
    const s = openStream('/api/stream?file=far.log', '0');
    await s.next(2);
    expect(s.events.map((e) => [e.event, e.id ?? null, e.data])).toEqual([
      ['open', String(size), JSON.stringify({ from: size, size })],
      ['skipped', null, JSON.stringify({ bytes: size })],
    ]);
    s.close();
  });
});
