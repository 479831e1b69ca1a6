/**
 * SysLogHandler against python3's `logging.handlers.SysLogHandler`, both sending to a plain
 * UDP socket and a plain TCP server this test opens: the same records give the same bytes.
 * Then the RFC 5424 layout (structured data, octet counting) and a TCP server that goes away
 * and comes back (bounded buffer, drops counted and reported once).
 */
import { createSocket } from 'node:dgram';
import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, expect, test } from '@jest/globals';
import { extra, getLogger } from '../../lib/index.js';
import { setErrorSink } from '../../lib/core/logging-errors.js';
import { SysLogHandler } from '../../lib/interop/index.js';
import { resetLogging } from '../../lib/testing/index.js';
import { describeWithPython } from '../support/python.js';
import { pythonSysLog } from '../support/syslog-python.js';

afterEach(() => {
  resetLogging();
  setErrorSink();
});

/** What each side logs: level, message (non-ASCII, a newline, a percent sign). */
const CALLS: Array<[string, string]> = [
  ['INFO', 'plain ascii'], ['DEBUG', 'naïve café ✓'], ['WARNING', 'two\nlines'], ['ERROR', '100% done'],
  ['CRITICAL', 'emoji 🚂'],
];

async function ours(options: ConstructorParameters<typeof SysLogHandler>[0]): Promise<void> {
  const handler = new SysLogHandler(options);
  const log = getLogger('js.side');
  log.propagate = false;
  log.setLevel('DEBUG');
  log.addHandler(handler);
  for (const [level, msg] of CALLS) log.log(level, msg);
  await handler.flush();
  await handler.close();
}

/** A UDP socket on 127.0.0.1 that keeps every datagram. */
async function udpSink(): Promise<{ port: number; datagrams: Buffer[]; waitFor(n: number): Promise<Buffer[]>; close(): void }> {
  const socket = createSocket('udp4');
  const datagrams: Buffer[] = [];
  socket.on('message', (m) => datagrams.push(m));
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return {
    port: socket.address().port,
    datagrams,
    async waitFor(n) {
      while (datagrams.length < n) await new Promise((resolve) => setTimeout(resolve, 10));
      return datagrams.splice(0, n);
    },
    close: () => socket.close(),
  };
}

/** A TCP server on 127.0.0.1 that keeps the bytes of each connection. */
class TcpSink {
  server: Server;
  connections: Buffer[][] = [];
  sockets = new Set<Socket>();
  closed = 0;
  constructor() {
    this.server = createServer((socket) => {
      const chunks: Buffer[] = [];
      this.connections.push(chunks);
      this.sockets.add(socket);
      socket.on('data', (c) => chunks.push(c));
      socket.on('close', () => {
        this.sockets.delete(socket);
        this.closed++;
      });
    });
  }
  async listen(port = 0): Promise<number> {
    await new Promise<void>((resolve) => this.server.listen(port, '127.0.0.1', resolve));
    return (this.server.address() as { port: number }).port;
  }
  bytes(): Buffer {
    return Buffer.concat(this.connections.flat());
  }
  /** The bytes of every connection, once `n` connections have been closed by their peers. */
  async waitForClosed(n: number): Promise<Buffer> {
    while (this.closed < n) await new Promise((resolve) => setTimeout(resolve, 10));
    return this.bytes();
  }
  async waitForBytes(n: number): Promise<Buffer> {
    while (this.bytes().length < n) await new Promise((resolve) => setTimeout(resolve, 10));
    return this.bytes();
  }
  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

describeWithPython('SysLogHandler sends the bytes python3 sends', () => {
  test('UDP: one datagram per record, same PRI, text and trailing NUL, in every level', async () => {
    const sink = await udpSink();
    try {
      await pythonSysLog(`('127.0.0.1', ${sink.port})`, 'udp', 'local3', CALLS);
      const fromPython = await sink.waitFor(CALLS.length);
      await ours({ address: ['127.0.0.1', sink.port], facility: 'local3' });
      const fromUs = await sink.waitFor(CALLS.length);
      expect(fromUs.map((b) => b.toString('hex'))).toEqual(fromPython.map((b) => b.toString('hex')));
      expect(fromUs[0]!.toString('utf8')).toBe('<158>plain ascii\0');
      expect(fromUs[1]!.toString('utf8')).toBe('<159>naïve café ✓\0');
    } finally {
      sink.close();
    }
  });

  test('TCP with ident and a numeric facility: the same NUL-terminated stream', async () => {
    const sink = new TcpSink();
    const port = await sink.listen();
    try {
      await pythonSysLog(`('127.0.0.1', ${port})`, 'tcp', 'user', CALLS, 'app: ');
      const pythonBytes = Buffer.from(await sink.waitForClosed(1));
      sink.connections.length = 0;
      await ours({ address: ['127.0.0.1', port], socktype: 'tcp', facility: 1, ident: 'app: ' });
      const fromUs = await sink.waitForClosed(2);
      expect(pythonBytes.length).toBeGreaterThan(0);
      expect(fromUs.toString('hex')).toBe(pythonBytes.toString('hex'));
      expect(fromUs.toString('utf8').split('\0').slice(0, 2)).toEqual(['<14>app: plain ascii', '<15>app: naïve café ✓']);
    } finally {
      await sink.close();
    }
  });
});

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10));
}

test('RFC 5424: header, structured data from extras and trace fields (escaped), BOM before the message', async () => {
  const sink = await udpSink();
  try {
    const handler = new SysLogHandler({
      address: ['127.0.0.1', sink.port], facility: 'local0', format: 'rfc5424',
      rfc5424: { hostname: 'web 1', appName: 'billing', procId: '42', msgId: 'pay' },
    });
    const log = getLogger('svc');
    log.addHandler(handler);
    log.warning('paid %s', 'ok', extra({
      user: 'ada', note: 'a"b]c\\d', count: 3, trace_id: '0af7651916cd43dd8448eb211c80319c', span_id: 'b7ad6b7169203331', trace_flags: '01',
    }));
    const [datagram] = await sink.waitFor(1);
    expect(datagram!.toString('utf8')).toMatch(new RegExp(
      '^<132>1 \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z web1 billing 42 pay '
      + '\\[opentelemetry trace_id="0af7651916cd43dd8448eb211c80319c" span_id="b7ad6b7169203331" trace_flags="01"\\]'
      + '\\[rt@32473 user="ada" note="a\\\\"b\\\\]c\\\\\\\\d" count="3"\\] \uFEFFpaid ok$'));
    await handler.close();
  } finally {
    sink.close();
  }
});

test('RFC 5424 over TCP is octet-counted, so a message keeps its newlines', async () => {
  const sink = new TcpSink();
  const port = await sink.listen();
  try {
    const handler = new SysLogHandler({ address: ['127.0.0.1', port], socktype: 'tcp', format: 'rfc5424', rfc5424: { bom: false } });
    getLogger('svc').addHandler(handler);
    getLogger('svc').error('first\nsecond — ü');
    await handler.close();
    const text = (await sink.waitForClosed(1)).toString('utf8');
    const [, length, message] = /^(\d+) (.*)$/s.exec(text)!;
    expect(Buffer.byteLength(message!)).toBe(Number(length));
    expect(message).toMatch(/^<11>1 \S+ \S+ \S+ \d+ - - first\nsecond — ü$/);
  } finally {
    await sink.close();
  }
});

test('a TCP server that goes away: records wait in a bounded buffer, the overflow is counted and reported once, the rest arrive', async () => {
  const reports: string[] = [];
  setErrorSink((text) => reports.push(text));
  let sink = new TcpSink();
  const port = await sink.listen();
  const handler = new SysLogHandler({ address: ['127.0.0.1', port], socktype: 'tcp', maxBuffered: 3, retryStart: 20, retryMax: 100 });
  const log = getLogger('away');
  log.addHandler(handler);
  try {
    log.warning('before');
    await sink.waitForBytes('<12>before\0'.length);
    await sink.close();
    await until(() => !handler.connected);
    for (let i = 0; i < 5; i++) log.warning(`during ${i}`);
    expect(handler.buffered).toBe(3);
    expect(handler.dropped).toBe(2);
    sink = new TcpSink();
    await sink.listen(port);
    const expected = '<12>during 0\0<12>during 1\0<12>during 2\0';
    expect((await sink.waitForBytes(Buffer.byteLength(expected))).toString('utf8')).toBe(expected);
    await until(() => reports.length > 0);
    expect(reports).toHaveLength(1);
    expect(reports[0]).toContain(`SysLogHandler: 2 message(s) dropped while 127.0.0.1:${port} was unreachable`);
  } finally {
    await handler.close();
    await sink.close();
  }
});

test('dictConfig builds it from logging.handlers.SysLogHandler with address, facility and an ident property', async () => {
  const { configure } = await import('../../lib/interop/dict-config.js');
  const sink = await udpSink();
  try {
    configure({
      version: 1,
      // socktype as a Python config writes it: ext://socket.SOCK_DGRAM.
      handlers: { sys: { class: 'logging.handlers.SysLogHandler', address: ['127.0.0.1', sink.port], facility: 'local1', socktype: 'ext://socket.SOCK_DGRAM', '.': { ident: 'svc: ' } } },
      loggers: { cfg: { handlers: ['sys'], level: 'INFO' } },
    });
    getLogger('cfg').info('configured');
    expect((await sink.waitFor(1))[0]!.toString('utf8')).toBe('<142>svc: configured\0');
  } finally {
    sink.close();
  }
});
