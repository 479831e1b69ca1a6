import { afterEach, describe, expect, test } from '@jest/globals';
import { Formatter, Handler, LogRecord as LogRecordClass, NullHandler, StreamHandler, getLogger, setRaiseExceptions, type LogRecord } from '../../lib/index.js';
import { MemoryHandler, resetLogging } from '../../lib/testing/index.js';
import { captureStderr } from '../support/capture.js';

afterEach(() => {
  setRaiseExceptions(true);
  return resetLogging();
});

class ThrowingHandler extends Handler {
  emit(_record: LogRecord): void {
    throw new Error('sink is down');
  }
}

describe('Handler', () => {
  test('a handler drops records below its own level', () => {
    const logger = getLogger('h1');
    logger.setLevel('DEBUG');
    const handler = new MemoryHandler('WARNING');
    logger.addHandler(handler);
    logger.info('no');
    logger.error('yes');
    expect(handler.records.map((r) => r.msg)).toEqual(['yes']);
  });

  test('a throwing handler never stops its siblings or the caller, and its failure is reported', async () => {
    const logger = getLogger('h2');
    logger.setLevel('INFO');
    const before = new MemoryHandler();
    const after = new MemoryHandler();
    logger.addHandler(before);
    logger.addHandler(new ThrowingHandler());
    logger.addHandler(after);
    const text = await captureStderr(() => expect(() => logger.info('job %d', 7)).not.toThrow());
    expect(before.records).toHaveLength(1);
    expect(after.records).toHaveLength(1);
    expect(text).toMatch(/^--- Logging error ---\nError: sink is down/);
    expect(text).toContain("Message: 'job %d'");
    expect(text).toContain('Arguments: (7,)');
  });

  test('a format/argument mismatch is reported like Python and logging continues', async () => {
    const logger = getLogger('h3');
    logger.setLevel('INFO');
    // Handler's own handleError (MemoryHandler keeps errors instead of reporting them).
    const handler = new (class extends Handler {
      lines: string[] = [];
      emit(record: LogRecord): void {
        this.lines.push(this.format(record));
      }
    })();
    logger.addHandler(handler);
    const text = await captureStderr(() => {
      logger.info('%s and %s', 'one');
      logger.info('fine');
    });
    expect(text).toMatch(/^--- Logging error ---\nTypeError: not enough arguments for format string\n/);
    expect(text).toContain("Message: '%s and %s'\nArguments: ('one',)\n");
    expect(handler.lines).toEqual(['fine']);
  });

  test('a failing handler does not flood stderr: a burst is cut short and counted', async () => {
    const logger = getLogger('h4');
    logger.setLevel('INFO');
    logger.addHandler(new ThrowingHandler());
    const text = await captureStderr(() => {
      for (let i = 0; i < 100; i++) logger.info('x');
    });
    expect(text.split('--- Logging error ---').length - 1).toBe(3);
  });

  test('with raiseExceptions off, logging errors are silent', async () => {
    setRaiseExceptions(false);
    const logger = getLogger('h5');
    logger.addHandler(new ThrowingHandler());
    const text = await captureStderr(() => logger.error('x'));
    expect(text).toBe('');
  });

  test('a closed handler emits nothing', () => {
    const logger = getLogger('h6');
    const handler = new MemoryHandler();
    logger.addHandler(handler);
    void handler.close();
    logger.error('late');
    expect(handler.records).toHaveLength(0);
  });

  test('without a formatter, a handler renders the message alone', () => {
    const logger = getLogger('h7');
    const handler = new MemoryHandler();
    logger.addHandler(handler);
    logger.error('plain %s', 'text');
    expect(handler.lines).toEqual(['plain text']);
  });

  test('NullHandler swallows records so the last resort stays quiet', async () => {
    const logger = getLogger('h8');
    logger.addHandler(new NullHandler());
    const text = await captureStderr(() => logger.error('quiet'));
    expect(text).toBe('');
  });

  test('StreamHandler writes the formatted record and a newline to its stream', () => {
    const chunks: string[] = [];
    const handler = new StreamHandler({ write: (t: string) => chunks.push(t) });
    handler.setFormatter(new Formatter('%(levelname)s:%(name)s:%(message)s'));
    const logger = getLogger('h9');
    logger.addHandler(handler);
    logger.warning('careful');
    expect(chunks).toEqual(['WARNING:h9:careful\n']);
  });
});

describe('the one teardown path', () => {
  test('a close that throws or rejects is reported through the handler, never thrown, on every teardown', async () => {
    const seen: Array<[unknown, string]> = [];
    class Stubborn extends Handler {
      constructor(readonly how: 'throw' | 'reject') { super(); }
      emit(): void {}
      override close(): Promise<void> {
        super.close();
        if (this.how === 'throw') throw new Error('cannot close (sync)');
        return Promise.reject(new Error('cannot close (async)'));
      }
      override handleError(record: LogRecord, error: unknown): void {
        seen.push([record.msg, (error as Error).message]);
      }
    }
    getLogger('teardown').addHandler(new Stubborn('throw'));
    getLogger('teardown.child').addHandler(new Stubborn('reject'));
    await expect(resetLogging()).resolves.toBeUndefined();
    expect(seen).toEqual([['closing handler', 'cannot close (sync)'], ['closing handler', 'cannot close (async)']]);
  });

  test('reportFailure hands handleError a real record saying what was being done', () => {
    const got: LogRecord[] = [];
    const handler = new (class extends Handler {
      emit(): void {}
      override handleError(record: LogRecord): void { got.push(record); }
    })();
    handler.name = 'audit';
    handler.reportFailure('writing to /var/log/x.log', new Error('EIO'));
    expect(got.map((r) => [r instanceof LogRecordClass, r.name, r.levelname, r.getMessage()])).toEqual([[true, 'audit', 'ERROR', 'writing to /var/log/x.log']]);
  });
});
