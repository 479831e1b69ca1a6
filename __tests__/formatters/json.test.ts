import { afterEach, describe, expect, test } from '@jest/globals';
import { extra, getRtLogger, INFO, JsonFormatter, LogRecord, RequestCreationAction, WARNING, withSession } from '../../lib/index.js';
import { resetLogging, MemoryHandler } from '../../lib/testing/index.js';

afterEach(() => resetLogging());

function logger(options: ConstructorParameters<typeof JsonFormatter>[0] = {}) {
  const handler = new MemoryHandler();
  handler.setFormatter(new JsonFormatter(options));
  const log = getRtLogger('json');
  log.setLevel('DEBUG');
  log.addHandler(handler);
  return { log, handler };
}

function parsed(line: string | undefined): Record<string, unknown> {
  expect(line).toBeDefined();
  expect(line).not.toContain('\n');
  return JSON.parse(line!) as Record<string, unknown>;
}

describe('JsonFormatter fields', () => {
  test('writes timestamp with milliseconds and offset, level name, dotted logger name and message', () => {
    const created = Date.UTC(2026, 10, 21, 13, 9, 37, 370);
    const record = new LogRecord('RT.worker', INFO, 'done %d', [3], undefined, undefined, created);
    const local = parsed(new JsonFormatter().format(record));
    expect(local).toEqual({ timestamp: expect.stringMatching(/^2026-11-2\dT\d\d:\d\d:37\.370([+-]\d\d:\d\d)$/), level: 'INFO', logger: 'RT.worker', message: 'done 3' });
    expect(Date.parse(local.timestamp as string)).toBe(created);
    expect(parsed(new JsonFormatter({ utc: true }).format(record)).timestamp).toBe('2026-11-21T13:09:37.370Z');
  });

  test('milliseconds are zero-padded and follow the record within one cached second', () => {
    const f = new JsonFormatter({ utc: true });
    const at = (ms: number) => parsed(f.format(new LogRecord('a', INFO, 'm', null, undefined, undefined, ms))).timestamp;
    expect(at(Date.UTC(2025, 0, 1, 0, 0, 0, 7))).toBe('2025-01-01T00:00:00.007Z');
    expect(at(Date.UTC(2025, 0, 1, 0, 0, 0, 42))).toBe('2025-01-01T00:00:00.042Z');
    expect(at(Date.UTC(2025, 0, 1, 0, 0, 1, 0))).toBe('2025-01-01T00:00:01.000Z');
  });

  test('lines in the same millisecond still carry their own level and logger', () => {
    const f = new JsonFormatter({ utc: true });
    const at = Date.UTC(2025, 0, 1, 0, 0, 0, 5);
    const line = (name: string, level: number) => parsed(f.format(new LogRecord(name, level, 'm', null, undefined, undefined, at)));
    expect(line('a', INFO)).toMatchObject({ timestamp: '2025-01-01T00:00:00.005Z', level: 'INFO', logger: 'a' });
    expect(line('a', WARNING)).toMatchObject({ level: 'WARNING', logger: 'a' });
    expect(line('b "quoted"', WARNING)).toMatchObject({ level: 'WARNING', logger: 'b "quoted"' });
    const moved = new LogRecord('a', INFO, 'm', null, undefined, undefined, at);
    moved.msecs = 6;
    expect(parsed(f.format(moved)).timestamp).toBe('2025-01-01T00:00:00.006Z');
  });

  test('adds structured fields, constant fields, the action, the session ids and the exception with its cause chain', async () => {
    const { log, handler } = logger({ fields: { service: 'api' } });
    log.info('user %s', 'ada', extra({ requestId: 'r-1', bytes: 10 }));
    log.info(new RequestCreationAction('Coordinator', 'Chunker', ['doc.txt'], { k: 1 }));
    const root = new Error('socket closed');
    log.exception('upload failed', new Error('upload failed', { cause: root }));
    await withSession({ loggingSetting: 'NONE', runIdentifier: 'run-9' }, () => log.info('in session'));

    const [first, action, failure, session] = handler.lines.map(parsed);
    expect(first).toMatchObject({ message: 'user ada', service: 'api', requestId: 'r-1', bytes: 10 });
    expect(action).toMatchObject({ message: 'Coordinator CREATED Chunker', action: { kind: 'CREATED', parentNodeName: 'Coordinator', childNodeName: 'Chunker', inputArgs: ['doc.txt'], inputKwargs: { k: 1 } } });
    expect(failure).toMatchObject({ level: 'ERROR', exception: { type: 'Error', message: 'upload failed', cause: { type: 'Error', message: 'socket closed' } } });
    expect((failure!.exception as { stack: string }).stack).toContain('json.test');
    expect(session).toMatchObject({ message: 'in session', session_id: expect.any(String), run_id: 'run-9' });
  });

  test('a structured field named like a built-in key is kept under extra.<key>', () => {
    const { log, handler } = logger();
    log.info('m', extra({ level: 'mine', message: 'also mine' }));
    expect(parsed(handler.lines[0])).toMatchObject({ level: 'INFO', message: 'm', 'extra.level': 'mine', 'extra.message': 'also mine' });
  });
});

describe('JsonFormatter with hostile values writes one valid line per call', () => {
  const circular: Record<string, unknown> = { name: 'loop' };
  circular.self = circular;
  let deep: Record<string, unknown> = { leaf: true };
  for (let i = 0; i < 5000; i++) deep = { d: deep };
  const revocable = Proxy.revocable({}, {});
  revocable.revoke();
  const hostiles: [string, unknown][] = [
    ['a circular object', circular],
    ['a BigInt', 12345678901234567890n],
    ['a symbol', Symbol('secret')],
    ['a function', function namedFn() {}],
    ['a throwing getter', Object.defineProperty({}, 'bad', { enumerable: true, get() { throw new Error('getter exploded'); } })],
    ['a throwing toJSON', { toJSON() { throw new Error('toJSON exploded'); } }],
    ['a throwing toString', { toString() { throw new Error('toString exploded'); } }],
    ['a Proxy whose every trap throws', new Proxy({}, new Proxy({}, { get: () => () => { throw new Error('trap'); } }))],
    ['a revoked Proxy', revocable.proxy],
    ['5,000-deep nesting', deep],
    ['lone surrogates', 'bad \ud800 and \udfff end'],
    ['a 5 MB string', 'x'.repeat(5 * 1024 * 1024)],
    ['NaN and Infinity', [NaN, Infinity, -Infinity]],
    ['a Map, a Set and a Date', { m: new Map<unknown, unknown>([['a', 1], [2, 'b']]), s: new Set([1, 2]), d: new Date(0) }],
    ['an Error whose message getter throws', Object.defineProperty(new Error('x'), 'message', { get() { throw new Error('no'); } })],
  ];

  test.each(hostiles)('%s as a structured field', (_label, value) => {
    const { log, handler } = logger();
    expect(() => log.info('hostile', extra({ value }))).not.toThrow();
    expect(handler.lines).toHaveLength(1);
    expect(parsed(handler.lines[0])).toMatchObject({ message: 'hostile' });
    expect(handler.errors).toEqual([]);
  });

  // Straight to the formatter, with the arguments set after construction: the Logger and the
  // LogRecord constructor inspect arguments before any formatter runs (their own concern).
  test.each(hostiles)('%s as a %%s argument', (_label, value) => {
    const record = new LogRecord('RT.json', INFO, 'value=%s', null);
    record.args = [value];
    let line: string | undefined;
    expect(() => (line = new JsonFormatter().format(record))).not.toThrow();
    expect(typeof parsed(line).message).toBe('string');
  });

  test('stand-ins say what was there', () => {
    const { log, handler } = logger({ maxDepth: 4 });
    log.info('m', extra({ circular, big: 10n, sym: Symbol('s'), fn: function namedFn() {}, n: NaN, deep, m: new Map([['a', 1]]), set: new Set([1]) }));
    expect(parsed(handler.lines[0])).toMatchObject({
      circular: { name: 'loop', self: '[Circular]' }, big: '10', sym: 'Symbol(s)', fn: '[Function: namedFn]', n: 'NaN',
      deep: { d: { d: { d: { d: '[Object]' } } } }, m: { a: 1 }, set: [1],
    });
    log.info('m', extra({ getter: hostiles[4]![1], toJSON: hostiles[5]![1], proxy: revocable.proxy }));
    expect(parsed(handler.lines[1])).toMatchObject({
      getter: { bad: '[Throws: getter exploded]' }, toJSON: '[Throws: toJSON exploded]', proxy: expect.stringMatching(/^\[Unserializable: /),
    });
  });

  test('a lone surrogate is escaped so the line stays valid UTF-8, and paired ones are kept', () => {
    const { log, handler } = logger();
    log.info('a \ud800 b 😀');
    expect(handler.lines[0]).toContain('\\ud800');
    expect(parsed(handler.lines[0]).message).toBe('a \ud800 b 😀');
    expect(Buffer.from(handler.lines[0]!, 'utf8').toString('utf8')).toBe(handler.lines[0]);
  });

  test('a message whose % arguments do not fit is written as given with the reason', () => {
    const { log, handler } = logger();
    log.info('count=%d', 'not a number');
    expect(parsed(handler.lines[0])).toMatchObject({ message: 'count=%d', messageError: expect.any(String), args: ['not a number'] });
  });
});

describe('JsonFormatter redaction', () => {
  test('hides a key at any depth and a dotted path from the top, ignoring case', () => {
    const { log, handler } = logger({ redact: ['password', 'headers.authorization', 'users.*.token'] });
    log.info('login', extra({
      password: 'p1', nested: { Password: 'p2', list: [{ password: 'p3' }] },
      headers: { Authorization: 'Bearer x', accept: 'json' }, other: { authorization: 'kept' },
      users: [{ token: 't1', name: 'a' }, { token: 't2' }],
    }));
    const line = handler.lines[0]!;
    expect(line).not.toMatch(/p1|p2|p3|Bearer|t1|t2/);
    expect(parsed(line)).toMatchObject({
      password: '[Redacted]', nested: { Password: '[Redacted]', list: [{ password: '[Redacted]' }] },
      headers: { Authorization: '[Redacted]', accept: 'json' }, other: { authorization: 'kept' },
      users: [{ token: '[Redacted]', name: 'a' }, { token: '[Redacted]' }],
    });
  });

  test('reaches into actions and error fields, with a custom censor', () => {
    const { log, handler } = logger({ redact: ['apiKey'], censor: '***' });
    log.info(new RequestCreationAction('A', 'B', [], { apiKey: 'sk-1' }));
    log.exception('failed', Object.assign(new Error('failed'), { apiKey: 'sk-2' }));
    expect(handler.lines.join('\n')).not.toMatch(/sk-1|sk-2/);
    expect(parsed(handler.lines[0])).toMatchObject({ action: { inputKwargs: { apiKey: '***' } } });
  });

  test('bad options name the problem', () => {
    expect(() => new JsonFormatter({ redact: ['a..b'] })).toThrow(/dotted paths/);
    expect(() => new JsonFormatter({ maxDepth: 0 })).toThrow(/maxDepth must be a positive integer/);
  });
});

describe('JsonFormatter bound fields', () => {
  const tail = (line: string | undefined) => line!.slice(line!.indexOf(',"message"'));

  test('a bound logger writes the same fields on every line, redacted and renamed as a fresh formatter would', () => {
    const { log, handler } = logger({ redact: ['token'] });
    const bound = log.bind({ requestId: 'r-17', level: 'mine', token: 't', n: 3, ok: true, none: null, big: 5n });
    for (let i = 0; i < 3; i++) bound.info('served');
    bound.info('with more', extra({ extraField: 1 }));
    const once = new JsonFormatter({ redact: ['token'] });
    const fresh = new LogRecord('RT.json', INFO, 'served', null, undefined, bound.fields);
    fresh.scope = handler.records[0]!.scope;
    const expected = tail(once.format(fresh));
    expect(handler.lines.slice(0, 3).map(tail)).toEqual([expected, expected, expected]);
    expect(expected).toBe(',"message":"served","session_id":null,"run_id":null,"node_id":null,"middleware_id":null,"middleware_type_id":null,"llm_id":null,"llm_type_id":null,"requestId":"r-17","extra.level":"mine","token":"[Redacted]","n":3,"ok":true,"none":null,"big":"5"}');
    expect(parsed(handler.lines[3])).toMatchObject({ requestId: 'r-17', token: '[Redacted]', extraField: 1 });
  });

  test('frozen fields whose text could change are written afresh each time', () => {
    const { log, handler } = logger();
    const session = { step: 1 };
    const nestedBound = log.bind({ session });
    nestedBound.info('a');
    session.step = 2;
    nestedBound.info('b');
    let calls = 0;
    const withGetter = Object.freeze({ get count() { return ++calls; } });
    log.info('c', extra(withGetter));
    log.info('d', extra(withGetter));
    expect(handler.lines.map((l) => parsed(l).session ?? parsed(l).count)).toEqual([{ step: 1 }, { step: 2 }, 1, 2]);
  });
});
