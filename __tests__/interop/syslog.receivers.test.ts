/**
 * SysLogHandler against a real rsyslogd (Debian's package, run in the foreground by the test):
 * python3's SysLogHandler and ours send the same records over UDP, TCP and a Unix stream
 * socket, and rsyslog records the same raw messages, priorities and texts for both. RFC 5424
 * mode is parsed by rsyslog into app name, structured data and a message that keeps newlines.
 */
import { afterAll, beforeAll, afterEach, describe, expect, test } from '@jest/globals';
import { extra, getLogger } from '../../lib/index.js';
import { SysLogHandler, type SysLogHandlerOptions } from '../../lib/interop/index.js';
import { resetLogging } from '../../lib/testing/index.js';
import { pythonSysLog } from '../support/syslog-python.js';
import { Rsyslog, type Received } from '../support/rsyslog.js';
import { removeTempDirs, tempDir } from '../support/temp-dir.js';

const CALLS: Array<[string, string]> = [
  ['INFO', 'plain ascii'], ['DEBUG', 'naïve café ✓ 🚂'], ['WARNING', 'two\nlines'], ['ERROR', '100% done'],
  ['CRITICAL', 'tab\there'], ['INFO', 'END'],
];

let rsyslog: Rsyslog;
beforeAll(async () => {
  rsyslog = await Rsyslog.start(tempDir('rsyslog'), { unixSocket: true });
});
afterAll(async () => {
  await rsyslog?.stop();
  removeTempDirs();
});
afterEach(() => resetLogging());

async function weSend(options: SysLogHandlerOptions): Promise<void> {
  const handler = new SysLogHandler(options);
  const log = getLogger('js.side');
  log.propagate = false;
  log.setLevel('DEBUG');
  log.addHandler(handler);
  for (const [level, msg] of CALLS) log.log(level, msg);
  await handler.close();
}

/** Messages since `start` up to and including the next `END`. */
async function nextBatch(start: number): Promise<Received[]> {
  for (;;) {
    const all = await rsyslog.waitFor(start + 1);
    const batch = all.slice(start);
    const end = batch.findIndex((r) => r.msg.endsWith('END') || r.raw.includes('END'));
    if (end >= 0) return batch.slice(0, end + 1);
    await rsyslog.waitFor(all.length + 1);
  }
}

/** What must be equal between the two senders: everything rsyslog saw except which input. */
const seen = (batch: Received[]) => batch.map(({ input: _input, ...rest }) => rest);

describe('python3 and we send the same bytes to rsyslog', () => {
  test.each([
    ['UDP', 'udp' as const],
    ['TCP (NUL-terminated, as Python frames it)', 'tcp' as const],
  ])('%s', async (_name, socktype) => {
    const port = socktype === 'udp' ? rsyslog.udpPort : rsyslog.tcpPort;
    const start = rsyslog.received().length;
    await pythonSysLog(`('127.0.0.1', ${port})`, socktype, 'local4', CALLS);
    const fromPython = await nextBatch(start);
    await weSend({ address: ['127.0.0.1', port], socktype, facility: 'local4' });
    const fromUs = await nextBatch(start + fromPython.length);
    expect(seen(fromUs)).toEqual(seen(fromPython));
    expect(fromUs.map((r) => r.input)).toEqual(fromUs.map(() => socktype));
    expect(fromUs[0]).toMatchObject({ pri: 166, facility: 20, severity: 6 });
    expect(fromUs[1]).toMatchObject({ severity: 7 });
    expect(fromUs.some((r) => r.raw.includes('naïve café ✓ 🚂'))).toBe(true);
  });

  test('Unix stream socket', async () => {
    const start = rsyslog.received().length;
    await pythonSysLog(JSON.stringify(rsyslog.socketPath), 'tcp', 'daemon', CALLS);
    const fromPython = await nextBatch(start);
    await weSend({ address: rsyslog.socketPath!, facility: 'daemon' });
    const fromUs = await nextBatch(start + fromPython.length);
    expect(seen(fromUs)).toEqual(seen(fromPython));
    expect(fromUs.find((r) => r.raw.includes('100% done'))).toMatchObject({ facility: 3, severity: 3, input: 'unix' });
  });
});

describe('RFC 5424 mode, parsed by rsyslog', () => {
  test.each([['UDP', 'udp' as const], ['TCP, octet-counted', 'tcp' as const]])('%s: app name, structured data, trace context, newlines kept', async (_name, socktype) => {
    const port = socktype === 'udp' ? rsyslog.udpPort : rsyslog.tcpPort;
    const start = rsyslog.received().length;
    const handler = new SysLogHandler({
      address: ['127.0.0.1', port], socktype, facility: 'local2', format: 'rfc5424', rfc5424: { appName: 'billing', msgId: 'pay' },
    });
    const log = getLogger('svc.rfc');
    log.addHandler(handler);
    log.error('charge failed\nsecond line ü %s', 'END', extra({
      user: 'ada', note: 'a"b]c', trace_id: '0af7651916cd43dd8448eb211c80319c', span_id: 'b7ad6b7169203331', trace_flags: '01',
    }));
    await handler.close();
    const [got] = await nextBatch(start);
    expect(got).toMatchObject({
      version: '1', app: 'billing', pri: 147, facility: 18, severity: 3,
      sd: '[opentelemetry trace_id="0af7651916cd43dd8448eb211c80319c" span_id="b7ad6b7169203331" trace_flags="01"]'
        + '[rt@32473 user="ada" note="a\\"b\\]c"]',
    });
    expect(got!.msg.replace(/^\uFEFF/, '')).toBe('charge failed\nsecond line ü END');
  });
});
