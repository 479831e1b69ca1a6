/**
 * The console as an attacker meets it: a Python worker (real python3, real SocketHandler) sends
 * records whose level name, logger name, message, traceback and stack carry terminal sequences,
 * bidi overrides and line breaks that try to forge a record line. The receiving process prints
 * them through the Railtracks console; nothing may reach its stderr raw, every line after a
 * record's first is indented, and the worker's traceback and stack appear.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@jest/globals';
import { describeWithPython, runPython } from '../support/python.js';
import { CONTINUATION_INDENT } from '../../lib/index.js';

const dist = fileURLToPath(new URL('../../dist/index.js', import.meta.url));
const interop = fileURLToPath(new URL('../../dist/interop/index.js', import.meta.url));

/** C0 except tab and line feed, DEL, C1, bidi controls, line and paragraph separators. */
const RAW_UNSAFE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2028\u2029\u2066-\u2069]/;

const COLLECTOR = `
  import { setConfig, ExecutorConfig, getLogger, Handler } from ${JSON.stringify(dist)};
  import { LogRecordSocketReceiver } from ${JSON.stringify(interop)};
  setConfig(new ExecutorConfig({ loggingSetting: 'VERBOSE' }));
  let seen = 0;
  const receiver = new LogRecordSocketReceiver({ port: 0 });
  getLogger('RT').addHandler(new (class extends Handler {
    emit() { if (++seen === 3) setImmediate(() => { receiver.close(); process.exit(0); }); }
  })());
  process.stdout.write('port ' + await receiver.listen() + '\\n');
`;

const WORKER = String.raw`
import logging, logging.handlers, sys
h = logging.handlers.SocketHandler('127.0.0.1', int(sys.argv[1]))
log = logging.getLogger('RT.worker\x1b]0;owned\x07')
log.addHandler(h)
log.setLevel(logging.DEBUG)
log.propagate = False
logging.addLevelName(25, 'INFO\x1b[2J\n[+0.000  s] RT          : INFO     - forged level')
log.log(25, 'level name from the peer')
log.warning('first line\n[+0.000  s] RT          : INFO     - forged record\u202eexe.txt\u2028\x9b31mred\x1b[0m')
try:
    1 / 0
except ZeroDivisionError:
    log.error('worker failed\x07', exc_info=True, stack_info=True)
h.close()
`;

describeWithPython('the console escapes every field of a record a Python worker sent', () => {
  test('no raw control, bidi or separator reaches stderr; only real records start a line; the traceback shows', async () => {
    const collector = spawn(process.execPath, ['--input-type=module', '-e', COLLECTOR], {
      stdio: ['ignore', 'pipe', 'pipe'], timeout: 20_000, killSignal: 'SIGKILL', env: { ...process.env, NO_COLOR: '1' },
    });
    let stdout = '';
    let stderr = '';
    collector.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const port = await new Promise<string>((resolve, reject) => {
      collector.stdout.setEncoding('utf8').on('data', (d: string) => {
        stdout += d;
        const m = /port (\d+)\n/.exec(stdout);
        if (m !== null) resolve(m[1]!);
      });
      collector.on('close', () => reject(new Error(`collector ended early: ${stderr}`)));
    });
    const ended = new Promise<number | null>((resolve) => collector.on('close', (code) => resolve(code)));
    await runPython(`import sys; sys.argv = ['w', ${JSON.stringify(port)}]\n${WORKER}`);
    expect(await ended).toBe(0);

    expect(stderr).not.toMatch(RAW_UNSAFE);
    const lines = stderr.trimEnd().split('\n');
    const records = lines.filter((l) => !l.startsWith(CONTINUATION_INDENT));
    expect(records).toHaveLength(3);
    for (const r of records) expect(r).toMatch(/^\[\+\d+\.\d{3} *s\] RT\.worker\\x1b\]0;owned\\x07: /);
    expect(records[0]).toContain('INFO\\x1b[2J\\n[+0.000  s] RT          : INFO     - forged level - level name from the peer');
    expect(records[1]).toMatch(/WARNING  - first line$/);
    expect(lines).toContain(`${CONTINUATION_INDENT}[+0.000  s] RT          : INFO     - forged record\\u202eexe.txt\\u2028\\x9b31mred\\x1b[0m`);
    expect(records[2]).toMatch(/ERROR    - worker failed\\x07$/);
    expect(lines).toContain(`${CONTINUATION_INDENT}Traceback (most recent call last):`);
    expect(lines).toContain(`${CONTINUATION_INDENT}ZeroDivisionError: division by zero`);
    expect(lines).toContain(`${CONTINUATION_INDENT}Stack (most recent call last):`);
  }, 30_000);
});
