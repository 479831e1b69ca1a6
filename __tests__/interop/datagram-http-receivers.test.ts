/**
 * python3's stdlib DatagramHandler and HTTPHandler (GET and POST) send to our receivers; the
 * records come out of our logger tree with their name, level, time, merged message (non-ASCII
 * included) and extras. A bad datagram or request is rejected without stopping the receiver.
 */
import { createSocket } from 'node:dgram';
import { afterEach, expect, test } from '@jest/globals';
import { LogRecordDatagramReceiver, LogRecordHttpReceiver } from '../../lib/interop/index.js';
import { getLogger } from '../../lib/index.js';
import { MemoryHandler, resetLogging } from '../../lib/testing/index.js';
import { describeWithPython, runPython } from '../support/python.js';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
  await resetLogging();
});

const PY_RECORDS = String.raw`
class Fixed(logging.Filter):
    def filter(self, r):
        r.created, r.msecs = 1700000000.5, 500.0
        return True
h.addFilter(Fixed())
log = logging.getLogger('RT.py.edge')
log.setLevel(logging.DEBUG)
log.addHandler(h)
log.info('ñandú %s ✓ 日本語', 'ok', extra={'tenant': 'zoë'})
log.warning('args %r and %d', {'k': [1, None]}, 7)
try:
    1 / 0
except ZeroDivisionError:
    log.exception('boom')
h.close()
`;

describeWithPython('receivers for python3 DatagramHandler and HTTPHandler', () => {
  test('DatagramHandler datagrams arrive as records; a bad datagram is reported and the next still arrives', async () => {
    const errors: string[] = [];
    const receiver = new LogRecordDatagramReceiver({ port: 0, onError: (e) => errors.push(e.message) });
    closers.push(() => receiver.close());
    const port = await receiver.listen();
    const capture = new MemoryHandler();
    getLogger('RT.py').addHandler(capture);
    const junk = createSocket('udp4');
    await new Promise<void>((resolve) => junk.send(Buffer.from('\x00\x00\x00\x05cos\nsystem'), port, '127.0.0.1', () => resolve()));
    junk.close();
    await runPython(`import logging, logging.handlers\nh = logging.handlers.DatagramHandler('127.0.0.1', ${port})\n${PY_RECORDS}`);
    await capture.until(3);
    expect(errors).toEqual([expect.stringMatching(/^bad datagram: length prefix says 5 bytes but the datagram carries 10$/)]);
    const [info, warning, failure] = capture.records;
    expect(info).toMatchObject({ name: 'RT.py.edge', levelname: 'INFO', created: 1700000000.5, msecs: 500 });
    expect(info!.getMessage()).toBe('ñandú ok ✓ 日本語');
    expect(info!.extra).toMatchObject({ tenant: 'zoë' });
    expect(warning!.getMessage()).toBe("args {'k': [1, None]} and 7");
    expect(failure!.exc_text).toMatch(/ZeroDivisionError: division by zero$/);
  });

  for (const method of ['GET', 'POST'] as const) {
    test(`HTTPHandler ${method} requests arrive as records with the message merged from msg and args`, async () => {
      const receiver = new LogRecordHttpReceiver({ port: 0, path: '/log', onError: () => {} });
      closers.push(() => receiver.close());
      const port = await receiver.listen();
      const capture = new MemoryHandler();
      getLogger('RT.py').addHandler(capture);
      await runPython(`import logging, logging.handlers\nh = logging.handlers.HTTPHandler('127.0.0.1:${port}', '/log', method='${method}')\n${PY_RECORDS}`);
      await capture.until(3);
      const [info, warning, failure] = capture.records;
      expect(info).toMatchObject({ name: 'RT.py.edge', levelno: 20, created: 1700000000.5, msecs: 500 });
      expect(info!.getMessage()).toBe('ñandú ok ✓ 日本語');
      expect(info!.extra).toMatchObject({ tenant: 'zoë' });
      expect(warning!.getMessage()).toBe("args {'k': [1, None]} and 7");
      expect(failure!.levelname).toBe('ERROR');
      expect(failure!.extra?.exc_info_text).toMatch(/ZeroDivisionError\('division by zero'\)/);
      const bad = await fetch(`http://127.0.0.1:${port}/log?name=RT.py`);
      expect([bad.status, await bad.text()]).toEqual([400, "the record dict has no integer 'levelno'\n"]);
    });
  }
});
