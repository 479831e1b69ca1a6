/**
 * The interop recipe as the docs write it: python_interop.md's shared `logging.json` (a file
 * handler and a SocketHandler "collector" on RT) loaded with configureFromFile, and a
 * LogRecordSocketReceiver on the collector's port in the same program (README "Beyond the
 * console"). Records from a real python3 worker must land in the file exactly once: a received
 * record is never sent out again, and nothing is sent into this process's own receiver.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, expect, test } from '@jest/globals';
import { LogRecordSocketReceiver, configureFromFile } from '../../lib/interop/index.js';
import { getLogger } from '../../lib/index.js';
import { MemoryHandler, resetLogging } from '../../lib/testing/index.js';
import { describeWithPython, runPython } from '../support/python.js';
import { removeTempDirs, tempDir } from '../support/temp-dir.js';

let receiver: LogRecordSocketReceiver | undefined;
afterEach(async () => {
  await receiver?.close();
  await resetLogging();
});
afterAll(removeTempDirs);

/** The first ```json block of the page: the shared configuration users copy. */
function docsConfig(): { handlers: Record<string, Record<string, unknown>> } {
  const page = readFileSync(join(process.cwd(), 'docs/components/python_interop.md'), 'utf8');
  const block = /```json\n([\s\S]*?)```/.exec(page);
  if (block === null) throw new Error('python_interop.md has no json block');
  return JSON.parse(block[1]!) as { handlers: Record<string, Record<string, unknown>> };
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

describeWithPython('the shared-config recipe with a collector in the same program', () => {
  test('each record from a python3 worker and from this process reaches the file exactly once', async () => {
    const dir = tempDir('recipe');
    const port = await freePort();
    const config = docsConfig();
    // The recipe as written, but in a temp dir and on a free port instead of 9020.
    expect(config.handlers.collector).toMatchObject({ class: 'logging.handlers.SocketHandler', port: 9020 });
    config.handlers.file!.filename = join(dir, 'run.log');
    config.handlers.collector!.port = port;
    writeFileSync(join(dir, 'logging.json'), JSON.stringify(config));

    configureFromFile(join(dir, 'logging.json'));
    receiver = new LogRecordSocketReceiver({ port });
    await receiver.listen();
    const seen = new MemoryHandler();
    getLogger('RT').addHandler(seen);

    getLogger('RT.node').info('from node');
    await runPython(String.raw`
import logging, logging.handlers
log = logging.getLogger('RT.py')
log.setLevel(logging.DEBUG)
h = logging.handlers.SocketHandler('127.0.0.1', ${port})
log.addHandler(h)
log.info('from python %d', 1)
log.warning('from python %d', 2)
log.info('last one')
h.close()
`);
    await seen.until(4);
    // A loop would by now have sent thousands of copies round (29,268 lines in 1.5 s before the fix);
    // give it a moment to show, then count.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(seen.lines).toEqual(['from node', 'from python 1', 'from python 2', 'last one']);
    await resetLogging();
    const lines = readFileSync(join(dir, 'run.log'), 'utf8').trimEnd().split('\n');
    expect(lines.map((l) => l.replace(/^.*? - /, ''))).toEqual([
      'INFO     - RT.node - from node',
      'INFO     - RT.py - from python 1',
      'WARNING  - RT.py - from python 2',
      'INFO     - RT.py - last one',
    ]);
  }, 20_000);
});

test('a received record goes on to another collector only through a handler marked as a relay', async () => {
  const frames: Buffer[] = [];
  let ended: () => void;
  const relayed = new Promise<void>((resolve) => (ended = resolve));
  const collector = createServer((s) => s.on('data', (d: Buffer) => frames.push(d)).on('end', () => ended()));
  await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
  const elsewhere = (collector.address() as { port: number }).port;
  const { SocketHandler } = await import('../../lib/interop/socket-handler.js');
  const plain = new SocketHandler('127.0.0.1', elsewhere);
  const relay = new SocketHandler('127.0.0.1', elsewhere, { relay: true });
  const seen = new MemoryHandler();
  receiver = new LogRecordSocketReceiver({ port: 0 });
  await receiver.listen();
  getLogger('RT.in').addHandler(seen);
  getLogger('RT.in').addHandler(plain);
  const { framePickle } = await import('../../lib/interop/pickle-encoder.js');
  const { connect } = await import('node:net');
  const peer = connect(receiver.port, '127.0.0.1');
  peer.end(framePickle({ name: 'RT.in', levelno: 20, msg: 'via the wire' }));
  await seen.until(1);
  await plain.flush();
  expect(frames).toEqual([]);
  getLogger('RT.in').addHandler(relay);
  getLogger('RT.in').handle(seen.records[0]!);
  await relay.flush();
  await relay.close();
  await relayed;
  expect(Buffer.concat(frames).toString('latin1')).toContain('via the wire');
  await plain.close();
  await new Promise((resolve) => collector.close(resolve));
});
