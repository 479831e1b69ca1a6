/**
 * SocketHandler against a peer that accepts and never reads: the buffer stays bounded (oldest
 * dropped and counted), close() resolves, and a finished program exits. And against a peer that
 * reads: a short script that logs and ends still delivers every frame.
 */
import { createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, expect, test } from '@jest/globals';
import { SocketHandler } from '../../lib/interop/index.js';
import { getLogger } from '../../lib/index.js';
import { resetLogging } from '../../lib/testing/index.js';
import { runModuleWithKillTimeout } from '../support/child.js';

const DIST = pathToFileURL(join(process.cwd(), 'dist/interop/index.js')).href;
const servers: Server[] = [];
const peers: Socket[] = [];

afterEach(async () => {
  await resetLogging();
  for (const p of peers.splice(0)) p.destroy();
  for (const s of servers.splice(0)) await new Promise((resolve) => s.close(resolve));
});

/** A peer that accepts connections and never reads from them (or, with `collect`, reads everything). */
async function peer(collect?: Buffer[]): Promise<{ port: number; connected: Promise<void>; ended: Promise<void> }> {
  let accepted: () => void;
  let finished: () => void;
  const connected = new Promise<void>((resolve) => (accepted = resolve));
  const ended = new Promise<void>((resolve) => (finished = resolve));
  const server = createServer((socket) => {
    peers.push(socket);
    if (collect === undefined) socket.pause();
    else socket.on('data', (d: Buffer) => collect.push(d)).on('close', () => finished());
    accepted();
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as { port: number }).port, connected, ended };
}


test('a connected peer that never reads: frames past maxBuffered are dropped and counted, and resetLogging() (closing it) resolves', async () => {
  const { port, connected } = await peer();
  const handler = new SocketHandler('127.0.0.1', port, { maxBuffered: 100, closeTimeout: 300 });
  const log = getLogger('RT.stuck');
  log.addHandler(handler);
  log.warning('hello');
  await connected;
  await handler.flush();
  const line = 'x'.repeat(4096);
  for (let i = 0; i < 20_000; i++) log.warning(line);
  // 80 MB offered: the kernel takes a few MB, the socket 16 KiB, the queue 100; the rest is dropped.
  expect(handler.dropped).toBeGreaterThan(15_000);
  await resetLogging(); // closes every handler; before, it waited forever on this one
  expect(handler.closed).toBe(true);
}, 15_000);

test('a finished script whose peer never reads exits, with memory bounded and drops counted', async () => {
  const { port } = await peer();
  const result = await runModuleWithKillTimeout(`
const { SocketHandler } = await import(${JSON.stringify(DIST)});
const { getLogger } = await import(${JSON.stringify(DIST.replace('interop/index.js', 'index.js'))});
const handler = new SocketHandler('127.0.0.1', ${port}, { stallTimeout: 300 });
const log = getLogger('RT.script');
log.addHandler(handler);
const line = 'y'.repeat(8192);
for (let batch = 0; batch < 30; batch++) {
  for (let i = 0; i < 1000; i++) log.warning(line);
  await new Promise((resolve) => setImmediate(resolve));
}
// Count what is still held, not dropped frames the collector has not freed yet: newer V8
// (Node 24) frees array buffers on a background thread, so collect, let it run, collect again.
const { setFlagsFromString } = await import('node:v8');
const { runInNewContext } = await import('node:vm');
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc');
for (let i = 0; i < 3; i++) {
  gc();
  await new Promise((resolve) => setTimeout(resolve, 50));
}
const m = process.memoryUsage();
process.on('exit', () => console.log(JSON.stringify({ dropped: handler.dropped, arrayBuffers: m.arrayBuffers })));
`, { killAfterMs: 20_000 });
  expect(result.signal).toBeNull(); // SIGKILL after 20 s: the socket kept the finished script alive
  expect(result.code).toBe(0);
  const { dropped, arrayBuffers } = JSON.parse(result.stdout) as { dropped: number; arrayBuffers: number };
  expect(dropped).toBeGreaterThan(20_000); // 30k frames of ~8.3 kB; the kernel takes a few MB at most
  expect(arrayBuffers).toBeLessThan(64 * 1024 * 1024); // unbounded, it held ~250 MB of frames
}, 30_000);

test('a short script that logs and ends delivers every frame to a reading peer', async () => {
  const received: Buffer[] = [];
  const { port, ended } = await peer(received);
  const result = await runModuleWithKillTimeout(`
const { SocketHandler } = await import(${JSON.stringify(DIST)});
const { getLogger } = await import(${JSON.stringify(DIST.replace('interop/index.js', 'index.js'))});
const log = getLogger('RT.short');
log.addHandler(new SocketHandler('127.0.0.1', ${port}));
for (let i = 0; i < 3; i++) log.warning('frame %d', i);
`, { killAfterMs: 20_000 });
  expect(result.code).toBe(0);
  await ended; // the child's exit closed the connection; everything it sent has been read
  const data = Buffer.concat(received);
  const frames: string[] = [];
  for (let at = 0; at < data.length; at += 4 + data.readUInt32BE(at)) frames.push(data.subarray(at + 4, at + 4 + data.readUInt32BE(at)).toString('latin1'));
  expect(frames).toHaveLength(3);
  expect(frames.map((f) => /frame \d/.exec(f)?.[0])).toEqual(['frame 0', 'frame 1', 'frame 2']);
}, 30_000);
