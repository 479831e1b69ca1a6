/**
 * A Python worker's traceback survives into JSON lines: real python3 sends records with
 * `exc_info=True` and `stack_info=True` through its SocketHandler to our receiver on 127.0.0.1,
 * and JsonFormatter writes the `exc_text` and `stack_info` the records carry.
 */
import { expect, test } from '@jest/globals';
import { JsonFormatter, type LogRecord } from '../../lib/index.js';
import { LogRecordSocketReceiver } from '../../lib/interop/index.js';
import { describeWithPython, runPython } from '../support/python.js';

const WORKER = String.raw`
import logging, logging.handlers, sys
h = logging.handlers.SocketHandler('127.0.0.1', int(sys.argv[1]))
log = logging.getLogger('worker')
log.addHandler(h)
log.propagate = False
try:
    {}['missing']
except KeyError:
    log.exception('lookup failed')
log.warning('where am I', stack_info=True)
h.close()
`;

describeWithPython('JsonFormatter and records from a Python worker', () => {
  test('the traceback text is the exception\'s stack, and stack_info is written as stackInfo', async () => {
    const records: LogRecord[] = [];
    const receiver = new LogRecordSocketReceiver({ port: 0, onRecord: (r) => records.push(r) });
    const port = await receiver.listen();
    try {
      await runPython(`import sys; sys.argv = ['w', '${port}']\n${WORKER}`);
      for (let i = 0; i < 200 && records.length < 2; i++) await new Promise((r) => setTimeout(r, 10));
    } finally {
      await receiver.close();
    }
    const formatter = new JsonFormatter();
    const [failed, located] = records.map((r) => JSON.parse(formatter.format(r)) as Record<string, unknown>);
    const exception = failed!.exception as { stack: string };
    expect(exception.stack).toMatch(/^Traceback \(most recent call last\):\n {2}File "<string>", line \d+, in <module>\n/);
    expect(exception.stack).toMatch(/\nKeyError: 'missing'$/);
    expect(located!.stackInfo).toMatch(/^Stack \(most recent call last\):\n {2}File "<string>", line \d+, in <module>/);
    expect(located!.exception).toBeUndefined();
  }, 20_000);
});
