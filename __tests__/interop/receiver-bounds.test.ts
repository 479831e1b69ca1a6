/**
 * What a network peer can make a receiver hold, seen from real sockets on 127.0.0.1: half-sent
 * frames time out, connections are capped, unknown addresses are refused, rejection reports
 * cannot flood stderr, and peer-chosen logger names cannot grow the registry without bound.
 */
import { connect, type Socket } from 'node:net';
import { createSocket } from 'node:dgram';
import { afterEach, expect, test } from '@jest/globals';
import { LogRecordDatagramReceiver, LogRecordSocketReceiver, type SocketReceiverOptions } from '../../lib/interop/index.js';
import { framePickle } from '../../lib/interop/pickle-encoder.js';
import { getLogger, manager } from '../../lib/index.js';
import { MemoryHandler, resetLogging } from '../../lib/testing/index.js';
import { captureStderr } from '../support/capture.js';

let receiver: LogRecordSocketReceiver | LogRecordDatagramReceiver | undefined;
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
  await resetLogging();
});

async function start(options: SocketReceiverOptions): Promise<{ port: number; errors: string[] }> {
  const errors: string[] = [];
  const r = new LogRecordSocketReceiver({ port: 0, onError: (e, peer) => errors.push(`${peer.replace(/:\d+$/, '')} ${e.message}`), ...options });
  receiver = r;
  return { port: await r.listen(), errors };
}

function open(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = connect(port, '127.0.0.1', () => resolve(s));
    s.on('error', reject);
  });
}

const closed = (s: Socket) => new Promise<void>((resolve) => (s.destroyed ? resolve() : s.once('close', () => resolve())));
const frame = (msg: string, name = 'RT.net') => framePickle({ name, levelno: 20, msg });

test('a frame sent in pieces (header split too) is assembled; a half-sent frame is closed after frameTimeout', async () => {
  const seen = new MemoryHandler();
  getLogger('RT.net').addHandler(seen);
  const { port, errors } = await start({ frameTimeout: 300 });
  const whole = frame('x'.repeat(5000));
  const slow = await open(port);
  slow.setNoDelay(true);
  let from = 0;
  for (const cut of [2, 7, 1000, 4000, whole.length]) {
    slow.write(whole.subarray(from, cut));
    from = cut;
    await new Promise((resolve) => setImmediate(resolve));
  }
  await seen.until(1);
  expect(seen.lines[0]).toBe('x'.repeat(5000));

  slow.write(whole.subarray(0, 100)); // and then nothing more
  await closed(slow);
  expect(errors).toEqual([`127.0.0.1 frame not completed within frameTimeout (300 ms): got 100 of ${whole.length} bytes`]);
});

test('connections past maxConnections are closed on arrival and reported; the others keep being served', async () => {
  const seen = new MemoryHandler();
  getLogger('RT.net').addHandler(seen);
  const { port, errors } = await start({ maxConnections: 2 });
  const a = await open(port);
  const b = await open(port);
  a.write(frame('a'));
  await seen.until(1); // the server has accepted a for sure
  const c = await open(port);
  await closed(c);
  b.write(frame('b'));
  await seen.until(2);
  expect(seen.lines).toEqual(['a', 'b']);
  expect(errors).toEqual(['127.0.0.1 connection refused: 2 connections already open (maxConnections)']);
  a.destroy();
  b.destroy();
});

test('an allow list refuses other addresses over TCP and UDP; listed addresses are served', async () => {
  const seen = new MemoryHandler();
  getLogger('RT.net').addHandler(seen);
  const refused = await start({ allow: ['10.20.30.40'] });
  const s = await open(refused.port);
  s.write(frame('not allowed'));
  await closed(s);
  expect(refused.errors).toEqual(['127.0.0.1 connection refused: the address is not in the allow list']);
  await receiver!.close();

  const served = await start({ allow: ['127.0.0.1'] });
  const t = await open(served.port);
  t.end(frame('allowed'));
  await seen.until(1);

  const udpErrors: string[] = [];
  const udp = new LogRecordDatagramReceiver({ port: 0, allow: (address) => address === '10.0.0.1', onError: (e) => udpErrors.push(e.message) });
  await receiver!.close();
  receiver = udp;
  const udpPort = await udp.listen();
  const sender = createSocket('udp4');
  await new Promise<void>((resolve) => sender.send(frame('udp not allowed'), udpPort, '127.0.0.1', () => resolve()));
  while (udpErrors.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
  sender.close();
  expect(udpErrors).toEqual(['datagram dropped: the address is not in the allow list']);
  expect(seen.lines).toEqual(['allowed']);
});

test('rejection reports on stderr are rate-limited: 40 bad connections print 3 lines', async () => {
  const r = new LogRecordSocketReceiver({ port: 0 });
  receiver = r;
  const port = await r.listen();
  const text = await captureStderr(async () => {
    for (let i = 0; i < 40; i++) {
      const s = await open(port);
      s.end(Buffer.from('GET / HTTP/1.1\r\n\r\n'));
      await closed(s);
    }
  });
  const lines = text.trimEnd().split('\n');
  expect(lines).toHaveLength(3);
  expect(lines[0]).toMatch(/^LogRecordSocketReceiver: rejected data from 127\.0\.0\.1:\d+: frame length \d+ exceeds maxFrameBytes/);
});

test('peer-chosen logger names create at most maxLoggerNames loggers; the rest go to the nearest known ancestor, counted', async () => {
  const seen = new MemoryHandler();
  getLogger('RT.py').addHandler(seen);
  const r = new LogRecordSocketReceiver({ port: 0, maxLoggerNames: 100 });
  receiver = r;
  const port = await r.listen();
  const before = manager.loggers().length;
  const s = await open(port);
  s.write(frame('first', 'RT.py.worker'));
  for (let i = 0; i < 3000; i++) s.write(frame(`request ${i}`, `RT.py.worker.req-${i}`));
  s.end();
  await seen.until(3001);
  // 100 names: RT.py.worker and the first 99 request names; every later one was not registered.
  expect(manager.loggers().length - before).toBe(100);
  expect(r.loggerNames.overflowed).toBe(2901);
  expect(seen.records[3000]!.name).toBe('RT.py.worker.req-2999');
  expect(seen.lines[3000]).toBe('request 2999');
});
