import { afterEach, describe, expect, test } from '@jest/globals';
import { setTimeout as sleep } from 'node:timers/promises';
import { ExecutorConfig, Formatter, getContext, getLogger, getRtLogger, JsonFormatter, withContext, withSession } from '../../lib/index.js';
import { recordToDict } from '../../lib/interop/record-dict.js';
import { MemoryHandler, resetLogging } from '../../lib/testing/index.js';

afterEach(() => resetLogging());

function capture(layout = '%(message)s [req=%(request_id)s user=%(user)s]') {
  const memory = new MemoryHandler();
  memory.setFormatter(new Formatter(layout));
  const log = getLogger('ctx');
  log.setLevel('DEBUG');
  log.addHandler(memory);
  return { memory, log };
}

describe('withContext', () => {
  test('puts its fields on every record made inside, sync and async; nothing outside', async () => {
    const { memory, log } = capture('%(message)s %(request_id)s');
    withContext({ request_id: 'r-1' }, () => log.info('sync'));
    await withContext({ request_id: 'r-2' }, async () => {
      await sleep(1);
      log.info('after await');
      setImmediate(() => log.info('in a callback'));
      await sleep(5);
    });
    log.info('outside %s', 'x');
    expect(memory.lines.slice(0, 3)).toEqual(['sync r-1', 'after await r-2', 'in a callback r-2']);
    expect(memory.errors).toHaveLength(1); // 'outside' has no request_id: Python's missing-field error
  });

  test('nests: inner fields over outer ones; getContext reads the merged fields', () => {
    const { memory, log } = capture();
    withContext({ request_id: 'r-1', user: 'ada' }, () => {
      withContext({ user: 'bob' }, () => {
        expect(getContext()).toEqual({ request_id: 'r-1', user: 'bob' });
        log.info('inner');
      });
      log.info('outer');
    });
    expect(getContext()).toEqual({});
    expect(memory.lines).toEqual(['inner [req=r-1 user=bob]', 'outer [req=r-1 user=ada]']);
  });

  test('thousands of interleaved tasks never see each other\'s fields', async () => {
    const { memory, log } = capture('%(task)s %(message)s');
    await Promise.all(Array.from({ length: 2000 }, (_, i) => withContext({ task: i }, async () => {
      for (let step = 0; step < 3; step++) {
        await sleep(i % 7);
        log.info(String(i));
      }
    })));
    expect(memory.lines).toHaveLength(6000);
    expect(memory.lines.filter((line) => { const [task, msg] = line.split(' '); return task !== msg; })).toEqual([]);
  });

  test('sits with sessions: session ids and context fields together, the session keeps its records', async () => {
    const memory = new MemoryHandler();
    memory.setFormatter(new Formatter('%(message)s req=%(request_id)s run=%(run_id)s'));
    getRtLogger().addHandler(memory);
    getRtLogger().setLevel('INFO');
    await withContext({ request_id: 'r-9' }, () => withSession(new ExecutorConfig({ loggingSetting: 'NONE', runIdentifier: 'run-3' }), async () => {
      getRtLogger('a').info('context around the session');
      withContext({ request_id: 'r-10' }, () => getRtLogger('a').info('context inside the session'));
    }));
    withContext({ request_id: 'r-11' }, () => getRtLogger('a').info('context alone'));
    expect(memory.lines).toEqual([
      'context around the session req=r-9 run=run-3',
      'context inside the session req=r-10 run=run-3',
      'context alone req=r-11 run=None', // RT's default ids stay on records in a context outside sessions
    ]);
  });

  test('JSON lines write the fields; the Python wire sends them as extras', () => {
    const memory = new MemoryHandler();
    memory.setFormatter(new JsonFormatter());
    const log = getLogger('wire');
    log.setLevel('INFO');
    log.addHandler(memory);
    withContext({ request_id: 'r-5', tenant: 'acme' }, () => log.info('hello'));
    // Outside sessions a context also carries RT's context ids (null), whatever the logger.
    expect(JSON.parse(memory.lines[0]!)).toMatchObject({ message: 'hello', request_id: 'r-5', tenant: 'acme', session_id: null, run_id: null });
    expect(recordToDict(memory.records[0]!, new Formatter())).toMatchObject({ msg: 'hello', request_id: 'r-5', tenant: 'acme' });
  });

  test('refuses fields that are not an object, naming the fix', () => {
    expect(() => withContext('r-1' as never, () => 1)).toThrow(/fields must be an object such as \{ request_id: 'r-17' \}/);
  });
});
