import { afterEach, describe, expect, test } from '@jest/globals';
import { DEBUG, ERROR, Filter, INFO, LogRecord, RequestCreationAction, RequestFailureAction, WARNING, extra, getLogger, getRtLogger, manager } from '../../lib/index.js';
import { MemoryHandler, resetLogging } from '../../lib/testing/index.js';
import { captureStderr } from '../support/capture.js';

afterEach(() => resetLogging());

function recorded(name: string, level: number | string = DEBUG) {
  const logger = getLogger(name);
  logger.setLevel(level);
  const handler = new MemoryHandler();
  logger.addHandler(handler);
  return { logger, handler };
}

describe('Logger levels', () => {
  test('a logger without a level inherits its effective level from the nearest parent', () => {
    getLogger('lv').setLevel('ERROR');
    const child = getLogger('lv.a.b');
    expect(child.getEffectiveLevel()).toBe(ERROR);
    expect(child.isEnabledFor(WARNING)).toBe(false);
    getLogger('lv.a').setLevel('DEBUG');
    expect(child.getEffectiveLevel()).toBe(DEBUG);
    expect(child.isEnabledFor(DEBUG)).toBe(true);
  });

  test('records below the level are dropped, at or above are handled', () => {
    const { logger, handler } = recorded('lv2', 'WARNING');
    logger.info('dropped');
    logger.warning('kept');
    logger.warn('alias');
    logger.error('e');
    logger.critical('c');
    logger.fatal('f');
    expect(handler.records.map((r) => r.levelname)).toEqual(['WARNING', 'WARNING', 'ERROR', 'CRITICAL', 'CRITICAL']);
  });

  test('a disabled level method is the same empty function for every logger', () => {
    const a = getLogger('noop.a');
    const b = getLogger('noop.b');
    a.setLevel('INFO');
    b.setLevel('INFO');
    expect(a.debug).toBe(b.debug);
    expect(a.debug.length).toBe(0);
    a.setLevel('DEBUG');
    expect(a.debug).not.toBe(b.debug);
  });

  test('log() takes a level number or name; a bad name is reported, not thrown', async () => {
    const { logger, handler } = recorded('lv3', 'DEBUG');
    logger.log(25, 'custom %d', 1);
    logger.log('ERROR', 'named');
    const report = await captureStderr(() => logger.log('LOUD', 'x'));
    expect(handler.records.map((r) => [r.levelno, r.getMessage()])).toEqual([[25, 'custom 1'], [40, 'named']]);
    expect(report).toContain("Unknown level: 'LOUD'");
  });

  test('a logger switched off with disabled handles nothing', () => {
    const { logger, handler } = recorded('lv4');
    logger.disabled = true;
    manager.levelsChanged();
    logger.error('x');
    expect(handler.records).toHaveLength(0);
  });
});

describe('Logger propagation', () => {
  test('records go to the handlers of every ancestor while propagate is on', () => {
    const parent = recorded('prop');
    const child = recorded('prop.child');
    child.logger.info('hello');
    expect(child.handler.records).toHaveLength(1);
    expect(parent.handler.records).toHaveLength(1);
    expect(parent.handler.records[0]!.name).toBe('prop.child');
  });

  test('propagate = false stops at the logger', () => {
    const parent = recorded('prop2');
    const child = recorded('prop2.child');
    child.logger.propagate = false;
    child.logger.info('hello');
    expect(parent.handler.records).toHaveLength(0);
  });

  test('with no handler anywhere, WARNING and above go to the last-resort handler on stderr', async () => {
    const logger = getLogger('orphan');
    const text = await captureStderr(() => {
      logger.warning('nobody listens %s', 'here');
      logger.info('not shown');
    });
    expect(text).toBe('nobody listens here\n');
  });
});

describe('Logger filters', () => {
  test('a plain function filter drops records it returns false for', () => {
    const { logger, handler } = recorded('flt');
    logger.addFilter((r) => !String(r.msg).includes('heartbeat'));
    logger.info('heartbeat');
    logger.info('work');
    expect(handler.records.map((r) => r.msg)).toEqual(['work']);
  });

  test('a Filter object passes the named logger and its descendants only', () => {
    const root = recorded('flt2');
    root.handler.addFilter(new Filter('flt2.a'));
    getLogger('flt2.a').info('1');
    getLogger('flt2.a.b').info('2');
    getLogger('flt2.ab').info('3');
    expect(root.handler.records.map((r) => r.msg)).toEqual(['1', '2']);
  });

  test('a filter may return a replacement record', () => {
    const { logger, handler } = recorded('flt3');
    logger.addFilter((r) => new LogRecord(r.name, r.levelno, 'replaced', null));
    logger.info('original');
    expect(handler.records[0]!.msg).toBe('replaced');
  });

  test('a throwing logger filter is reported and never reaches the caller', async () => {
    const { logger, handler } = recorded('flt4');
    logger.addFilter(() => {
      throw new Error('filter broke');
    });
    const text = await captureStderr(() => expect(() => logger.info('x')).not.toThrow());
    expect(text).toContain('--- Logging error ---');
    expect(text).toContain('filter broke');
    expect(handler.records).toHaveLength(0);
  });
});

describe('Logger messages', () => {
  test('formats with Python % semantics, lazily, only when a handler needs the text', () => {
    const { logger, handler } = recorded('msg');
    logger.info('user %s did %d things (%r)', 'bob', 42, 'x');
    expect(handler.records[0]!.getMessage()).toBe("user bob did 42 things ('x')");
    expect(handler.records[0]!.args).toEqual(['bob', 42, 'x']);
  });

  test('a single mapping argument feeds %(key)s fields', () => {
    const { logger, handler } = recorded('msg2');
    logger.info('%(who)s has %(n)d', { who: 'ann', n: 3 });
    expect(handler.records[0]!.getMessage()).toBe('ann has 3');
  });

  test('an Error after the consumed arguments becomes the exception; one a %s consumes stays an argument', () => {
    const { logger, handler } = recorded('msg3');
    const err = new Error('boom');
    logger.error('failed %s', 'step', err);
    logger.error('failed %s', err);
    expect(handler.records[0]!.exc_info).toBe(err);
    expect(handler.records[0]!.getMessage()).toBe('failed step');
    expect(handler.records[1]!.exc_info).toBeUndefined();
    expect(handler.records[1]!.getMessage()).toBe('failed boom');
  });

  test('exception() logs at ERROR with the trailing Error and renders it after the message', () => {
    const { logger, handler } = recorded('msg4');
    const err = new TypeError('bad input', { cause: new RangeError('too big') });
    logger.exception('request %s failed', 'r-1', err);
    const [record] = handler.records;
    expect(record!.levelno).toBe(ERROR);
    const text = handler.lines[0]!;
    expect(text.startsWith('request r-1 failed\n')).toBe(true);
    expect(text).toContain('RangeError: too big');
    expect(text).toContain('The above exception was the direct cause of the following exception:');
    expect(text.indexOf('RangeError: too big')).toBeLessThan(text.indexOf('TypeError: bad input'));
  });

  test('extra(...) as the last argument adds structured fields, and bound loggers merge theirs', () => {
    const { logger, handler } = recorded('msg5');
    logger.info('upload %s', 'a.txt', extra({ bytes: 10 }));
    logger.bind({ requestId: 'r-1' }).bind({ user: 'ann' }).warning('slow', extra({ ms: 900 }));
    expect(handler.records[0]!.extra).toEqual({ bytes: 10 });
    expect(handler.records[0]!.getMessage()).toBe('upload a.txt');
    expect(handler.records[1]!.extra).toEqual({ requestId: 'r-1', user: 'ann', ms: 900 });
  });

  test('a bound logger hands out the shared no-op for a disabled level and follows level changes', () => {
    const { logger, handler } = recorded('msg5b', 'INFO');
    const bound = logger.bind({ requestId: 'r-2' });
    expect(bound.debug).toBe(logger.debug);
    bound.debug('hidden');
    logger.setLevel('DEBUG');
    expect(bound.debug).not.toBe(logger.debug);
    bound.debug('shown %d', 1);
    bound.warn('alias');
    expect(handler.records.map((r) => [r.levelname, r.getMessage(), r.extra])).toEqual([
      ['DEBUG', 'shown 1', { requestId: 'r-2' }],
      ['WARNING', 'alias', { requestId: 'r-2' }],
    ]);
  });

  test('an action passed as the message logs its text and stays on the record', () => {
    const { logger, handler } = recorded('msg6');
    const action = new RequestCreationAction('Coordinator', 'Chunker', ['doc.txt'], {});
    logger.info(action);
    expect(handler.records[0]!.getMessage()).toBe('Coordinator CREATED Chunker');
    expect(handler.records[0]!.action).toBe(action);
  });

  test('exception() with a failure action uses the action error as the exception', () => {
    const { logger, handler } = recorded('msg7');
    const err = new Error('embed failed');
    logger.exception(new RequestFailureAction('Embedder', err));
    expect(handler.records[0]!.getMessage()).toBe('Embedder FAILED');
    expect(handler.records[0]!.exc_info).toBe(err);
  });

  test('a message that is not a string is rendered with Python str()', () => {
    const { logger, handler } = recorded('msg8');
    logger.info({ a: [1, null] });
    logger.info(null);
    expect(handler.records.map((r) => r.getMessage())).toEqual(["{'a': [1, None]}", 'None']);
  });

  test('a string with % signs and no arguments is not formatted', () => {
    const { logger, handler } = recorded('msg9');
    logger.info('100% done %s');
    expect(handler.records[0]!.getMessage()).toBe('100% done %s');
  });

  test('a disabled call builds nothing: its arguments are never rendered; enabled, they are', () => {
    const { logger, handler } = recorded('msg10', 'WARNING');
    let evaluated = 0;
    // A class instance with its own toString: pyStr() calls it, so the counter shows rendering.
    class Lazy {
      toString(): string {
        return `render ${++evaluated}`;
      }
    }
    logger.info('%s', new Lazy());
    expect(handler.records).toHaveLength(0);
    expect(logger.isEnabledFor(INFO)).toBe(false);
    logger.setLevel('INFO');
    logger.info('%s', new Lazy());
    expect(handler.lines).toEqual(['render 1']);
    expect(evaluated).toBe(1);
  });
});

describe('Logger with hostile arguments', () => {
  test('a Proxy whose every trap throws, given as an argument or the message, still produces its line', () => {
    const { logger, handler } = recorded('hostile');
    const hostile = new Proxy({}, {
      get() { throw new Error('get trap'); },
      getPrototypeOf() { throw new Error('proto trap'); },
      ownKeys() { throw new Error('keys trap'); },
      has() { throw new Error('has trap'); },
    });
    logger.info('value: %s', hostile);
    logger.info('repr: %r', hostile);
    logger.info(hostile);
    expect(handler.records).toHaveLength(3);
    expect(handler.lines).toHaveLength(3);
    expect(handler.lines[0]).toMatch(/^value: <unprintable/);
    expect(handler.lines[1]).toMatch(/^repr: <unprintable/);
    expect(handler.lines[2]).toMatch(/^<unprintable/);
  });
});
