/**
 * LogRecordSocketReceiver against the real thing: python3's stdlib SocketHandler sends records
 * (with %-args, extras, an exception and non-ASCII text) and they come out of our logger tree
 * with the same name, level, time and message, formatting to the same lines Python prints.
 * Hostile frames are rejected per connection while another client keeps being served.
 */
import { connect, type Socket } from 'node:net';
import { afterEach, beforeEach, expect, test } from '@jest/globals';
import { Formatter, getLogger } from '../../lib/index.js';
import { LogRecordSocketReceiver } from '../../lib/interop/index.js';
import { framePickle } from '../../lib/interop/pickle-encoder.js';
import { MemoryHandler, resetLogging } from '../../lib/testing/index.js';
import { describeWithPython, runPython } from '../support/python.js';

const LAYOUT = '%(asctime)s.%(msecs)03d %(levelname)-8s %(name)s [%(process)d/%(thread)d %(funcName)s:%(lineno)d] %(message)s user=%(user)s';

let receiver: LogRecordSocketReceiver;
let capture: MemoryHandler;
const errors: string[] = [];

beforeEach(async () => {
  errors.length = 0;
  capture = new MemoryHandler();
  capture.setFormatter(new Formatter(LAYOUT));
  getLogger('RT.py').addHandler(capture);
  receiver = new LogRecordSocketReceiver({ port: 0, maxFrameBytes: 64 * 1024, onError: (e) => errors.push(e.message) });
  await receiver.listen();
});

afterEach(async () => {
  await receiver.close();
  await resetLogging();
});

describeWithPython('records from python3 logging.handlers.SocketHandler', () => {
  test('arrive under their original name, level, time, message and extras, and format as Python formats them', async () => {
    const stdout = await runPython(String.raw`
import logging, logging.handlers, io, json
class Fixed(logging.Filter):
    def filter(self, r):
        r.created, r.msecs, r.relativeCreated, r.thread, r.process = 1700000000.25, 250.0, 1234.5, 7, 4242
        return True
sock = logging.handlers.SocketHandler('127.0.0.1', ${receiver.port})
text = io.StringIO()
local = logging.StreamHandler(text)
local.setFormatter(logging.Formatter(${JSON.stringify(LAYOUT)}))
parent = logging.getLogger('RT.py')
parent.setLevel(logging.DEBUG)
for h in (sock, local):
    h.addFilter(Fixed())
    parent.addHandler(h)
log = logging.getLogger('RT.py.worker')
log.info('chunk %s of %d: ñandú ✓ 日本語 🚀', 'doc.txt', 3, extra={'user': 'zoë', 'attempt': 2})
try:
    {}['missing'] / 0
except Exception:
    log.exception('failed on %r', {'k': [1, 2.5, None, True]}, extra={'user': 'ann'})
log.debug('debug line', extra={'user': '—'})
logging.getLogger('RT.py').critical('from the parent', extra={'user': 'root'})
sock.close()
print(json.dumps(text.getvalue().splitlines()))
`);
    await capture.until(4);
    const pythonText = (JSON.parse(stdout) as string[]).join('\n');
    expect(capture.lines.join('\n')).toBe(pythonText);
    const [info, failure, debug, parent] = capture.records;
    expect(info).toMatchObject({ name: 'RT.py.worker', levelno: 20, levelname: 'INFO', created: 1700000000.25, process: 4242 });
    expect(info!.getMessage()).toBe('chunk doc.txt of 3: ñandú ✓ 日本語 🚀');
    expect(info!.extra).toMatchObject({ user: 'zoë', attempt: 2 });
    expect(failure!.levelname).toBe('ERROR');
    expect(failure!.exc_text).toMatch(/^Traceback \(most recent call last\):[\s\S]*KeyError: 'missing'$/);
    expect(failure!.getMessage()).toBe("failed on {'k': [1, 2.5, None, True]}");
    expect(debug!.levelno).toBe(10);
    expect(parent!.name).toBe('RT.py');
    expect(errors).toEqual([]);
  });
});

/** Hostile payloads python3 itself produces: a pickle that would run os.system when loaded. */
const HOSTILE = String.raw`
import pickle, os, json, struct
class Evil:
    def __reduce__(self):
        return (os.system, ('echo pwned',))
frames = {
    'global_reduce': pickle.dumps({'name': 'RT.py', 'levelno': 20, 'msg': Evil()}, 1),
    'stack_global': pickle.dumps({'name': 'RT.py', 'levelno': 20, 'msg': Evil()}, 4),
    'build': b'(}X\x04\x00\x00\x00nameX\x05\x00\x00\x00RT.pysb.',
}
print(json.dumps({k: list(v) for k, v in frames.items()}))
`;

function openClient(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => resolve(socket));
    socket.once('error', reject);
  });
}

function closed(socket: Socket): Promise<void> {
  return new Promise((resolve) => (socket.destroyed ? resolve() : socket.once('close', () => resolve())));
}

describeWithPython('hostile frames', () => {
  test('are rejected with a clear error, one connection at a time, while another client keeps being served', async () => {
    const payloads = JSON.parse(await runPython(HOSTILE)) as Record<string, number[]>;
    const frame = (body: Buffer) => Buffer.concat([Buffer.from([0, 0, (body.length >> 8) & 0xff, body.length & 0xff]), body]);
    const attacks: Array<[string, Buffer, RegExp]> = [
      ['GLOBAL/REDUCE', frame(Buffer.from(payloads.global_reduce!)), /opcode GLOBAL \(0x63\) is not allowed/],
      ['STACK_GLOBAL', frame(Buffer.from(payloads.stack_global!)), /opcode STACK_GLOBAL \(0x93\) is not allowed/],
      ['BUILD', frame(Buffer.from(payloads.build!)), /opcode BUILD \(0x62\) is not allowed/],
      ['oversized length', Buffer.from([0x7f, 0xff, 0xff, 0xff, 1, 2, 3]), /frame length 2147483647 exceeds maxFrameBytes \(65536\)/],
      ['truncated frame', framePickle({ name: 'RT.py', levelno: 20, msg: 'cut' }).subarray(0, 20), /truncated frame: the connection closed after 20 of \d+ bytes/],
      ['garbage', frame(Buffer.from('GET / HTTP/1.1\r\n\r\n')), /unknown or unsupported opcode|not allowed|truncated pickle/],
      ['not a dict', framePickle(['RT.py', 20]), /does not hold a record dict/],
    ];
    const good = await openClient(receiver.port);
    let sent = 0;
    for (const [label, bytes, expected] of attacks) {
      const attacker = await openClient(receiver.port);
      attacker.end(bytes);
      await closed(attacker);
      expect([label, errors.at(-1)]).toEqual([label, expect.stringMatching(expected)]);
      good.write(framePickle({ name: 'RT.py', levelno: 20, levelname: 'INFO', msg: `still served after ${label}`, created: 1700000000, user: 'u' }));
      await capture.until(++sent);
    }
    expect(errors).toHaveLength(attacks.length);
    expect(capture.records.map((r) => r.getMessage())).toEqual(attacks.map(([label]) => `still served after ${label}`));
    good.destroy();
  });
});
