/**
 * Our SocketHandler against a real python3 receiver written as the logging cookbook's
 * LogRecordStreamHandler (pickle.loads + logging.makeLogRecord): the records Python rebuilds
 * format to the same lines ours do, and frames logged while the peer is away are delivered
 * once it comes up, within the bound.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createServer } from 'node:net';
import { afterEach, expect, test } from '@jest/globals';
import { Formatter, extra, getLogger, setClock } from '../../lib/index.js';
import { SocketHandler } from '../../lib/interop/index.js';
import { MemoryHandler, resetLogging } from '../../lib/testing/index.js';
import { describeWithPython } from '../support/python.js';

const LAYOUT = '%(asctime)s %(levelname)-8s %(name)s: %(message)s [user=%(user)s]';

/** The cookbook receiver: prints the port, then each rebuilt record formatted, then exits after `count`. */
const RECEIVER = (port: number, count: number) => String.raw`
import pickle, socketserver, struct, logging, sys, json
fmt = logging.Formatter(${JSON.stringify(LAYOUT)})
seen = []
class LogRecordStreamHandler(socketserver.StreamRequestHandler):
    def handle(self):
        while len(seen) < ${count}:
            chunk = self.connection.recv(4)
            if len(chunk) < 4:
                break
            slen = struct.unpack('>L', chunk)[0]
            chunk = self.connection.recv(slen)
            while len(chunk) < slen:
                chunk = chunk + self.connection.recv(slen - len(chunk))
            record = logging.makeLogRecord(pickle.loads(chunk))
            seen.append(fmt.format(record))
server = socketserver.TCPServer(('127.0.0.1', ${port}), LogRecordStreamHandler)
print(server.server_address[1], flush=True)
while len(seen) < ${count}:
    server.handle_request()
print(json.dumps(seen), flush=True)
`;

function startReceiver(port: number, count: number): { child: ChildProcessWithoutNullStreams; port: Promise<number>; lines: Promise<string[]> } {
  const child = spawn('python3', ['-c', RECEIVER(port, count)], { env: { ...process.env, PYTHONIOENCODING: 'utf-8' } });
  let out = '';
  let err = '';
  let gotPort: (p: number) => void;
  const portPromise = new Promise<number>((resolve) => (gotPort = resolve));
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString('utf8');
    const first = out.split('\n')[0];
    if (out.includes('\n')) gotPort(Number(first));
  });
  child.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
  const lines = new Promise<string[]>((resolve, reject) => child.on('close', (code) => {
    if (code !== 0) reject(new Error(`python receiver failed: ${err}`));
    else resolve(JSON.parse(out.split('\n')[1]!) as string[]);
  }));
  return { child, port: portPromise, lines };
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

const handlers: SocketHandler[] = [];
afterEach(async () => {
  for (const h of handlers.splice(0)) await h.close();
  setClock();
  await resetLogging();
});

describeWithPython('SocketHandler to a python3 cookbook receiver', () => {
  test('python rebuilds every record, exceptions and non-ASCII included, and formats it as we do', async () => {
    setClock(() => 1_700_000_000_250);
    const receiver = startReceiver(0, 3);
    const handler = new SocketHandler('127.0.0.1', await receiver.port);
    handlers.push(handler);
    const local = new MemoryHandler();
    local.setFormatter(new Formatter(LAYOUT));
    const log = getLogger('RT.ts.service');
    log.setLevel('DEBUG');
    log.addHandler(handler);
    log.addHandler(local);
    log.info('chunk %s of %d: ñandú ✓ 日本語 🚀', 'doc.txt', 3, extra({ user: 'zoë' }));
    log.exception('failed on %r', { k: [1, 2.5, null, true] }, new TypeError('bad input'), extra({ user: 'ann' }));
    log.debug('debug %.2f', 12.345, extra({ user: '—' }));
    expect(await receiver.lines).toEqual(local.lines);
    expect(local.lines[1]).toMatch(/^.* ERROR +RT\.ts\.service: failed on \{'k': \[1, 2\.5, None, True\]\} \[user=ann\]\nTypeError: bad input/);
  });

  test('buffers while the peer is away, reconnects with backoff, and drops the oldest beyond the bound', async () => {
    setClock(() => 1_700_000_000_000);
    const port = await freePort();
    const handler = new SocketHandler('127.0.0.1', port, { maxBuffered: 2, retryStart: 20, retryMax: 100 });
    handlers.push(handler);
    const log = getLogger('RT.ts.offline');
    log.addHandler(handler);
    for (const n of [1, 2, 3]) log.warning('queued %d', n, extra({ user: 'u' }));
    expect(handler.dropped).toBe(1);
    const receiver = startReceiver(port, 2);
    await handler.flush();
    const lines = await receiver.lines;
    expect(lines.map((l) => l.replace(/^.*: /, ''))).toEqual(['queued 2 [user=u]', 'queued 3 [user=u]']);
  });
});
