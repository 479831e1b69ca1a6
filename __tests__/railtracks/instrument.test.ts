import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { Handler, getRtLogger, instrument, timed, type LogRecord, type Logger } from '../../lib/index.js';
import { StampManager } from '../../lib/profiling/index.js';

/** Keeps every record it is handed. */
class MemoryHandler extends Handler {
  records: LogRecord[] = [];
  emit(record: LogRecord): void {
    this.records.push(record);
  }
}

let logger: Logger;
let handler: MemoryHandler;

beforeEach(() => {
  logger = getRtLogger('profiling-instrument-test');
  logger.setLevel('DEBUG');
  logger.propagate = false; // keep the records to our handler, off the console
  handler = new MemoryHandler();
  logger.addHandler(handler);
});

afterEach(() => {
  logger.removeHandler(handler);
});

const messages = () => handler.records.map((r) => r.getMessage());

describe('instrument on a sync function', () => {
  it('stays sync, passes this, arguments and the return value through, and logs CREATED then DONE', () => {
    const counter = {
      base: 10,
      add: instrument(function (this: { base: number }, a: number, b: number) { return this.base + a + b; }, { name: 'add', logger }),
    };
    const result = counter.add(1, 2);
    expect(result).toBe(13); // a number, not a Promise
    expect(messages()[0]).toBe('add CREATED');
    expect(messages()[1]).toMatch(/^add DONE \(\d+\.\d ms\)$/);
    expect(handler.records[1]?.levelname).toBe('INFO');
    expect(typeof handler.records[1]?.extra?.durationMs).toBe('number');
  });

  it('rethrows the very same error and logs FAILED at ERROR with the error attached', () => {
    const boom = new RangeError('out of range');
    const fails = instrument(() => { throw boom; }, { name: 'parse', logger });
    let caught: unknown;
    try { fails(); } catch (error) { caught = error; }
    expect(caught).toBe(boom);
    const failure = handler.records[1];
    expect(failure?.getMessage()).toMatch(/^parse FAILED \(\d+\.\d ms\)$/);
    expect(failure?.levelname).toBe('ERROR');
    expect(failure?.exc_info).toBe(boom);
  });

  it('shows a thrown non-Error in the line and still rethrows it', () => {
    const fails = instrument(() => { throw 'plain string'; }, { name: 'odd', logger });
    expect(() => fails()).toThrow('plain string');
    expect(messages()[1]).toMatch(/^odd FAILED \(\d+\.\d ms\): 'plain string'$/);
  });

  it('keeps the function name and arity', () => {
    function fetchRows(a: number, b: number) { return a + b; }
    const wrapped = instrument(fetchRows, { name: 'rows', logger });
    expect(wrapped.name).toBe('fetchRows');
    expect(wrapped.length).toBe(2);
  });
});

describe('instrument on an async function', () => {
  it('resolves to the same value and logs DONE only after it settles', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => { release = resolve; });
    const load = instrument(async (id: string) => { await gate; return { id }; }, { name: 'load', logger });
    const pending = load('doc-1');
    expect(messages()).toEqual(['load CREATED']);
    release();
    await expect(pending).resolves.toEqual({ id: 'doc-1' });
    expect(messages()[1]).toMatch(/^load DONE \(\d+\.\d ms\)$/);
  });

  it('rejects with the very same error and logs FAILED with it', async () => {
    const boom = new Error('network down');
    const call = instrument(async () => { await Promise.resolve(); throw boom; }, { name: 'call', logger });
    await expect(call()).rejects.toBe(boom);
    expect(handler.records[1]?.exc_info).toBe(boom);
    expect(messages()[1]).toMatch(/^call FAILED/);
  });
});

describe('instrument with stamps', () => {
  it('stamps CREATED and DONE on one reserved step per call', async () => {
    const sm = new StampManager();
    const step = instrument(async (n: number) => n * 2, { name: 'double', logger, stamps: sm });
    await Promise.all([step(1), step(2)]);
    sm.createStamp('after');
    expect(sm.stepLogs).toEqual({ 0: ['double CREATED', 'double DONE'], 1: ['double CREATED', 'double DONE'], 2: ['after'] });
  });

  it('stamps FAILED when the call throws', () => {
    const sm = new StampManager();
    expect(() => instrument(() => { throw new Error('x'); }, { name: 'bad', logger, stamps: sm })()).toThrow('x');
    expect(sm.stepLogs).toEqual({ 0: ['bad CREATED', 'bad FAILED'] });
  });

  it('timed runs the function once, instrumented', async () => {
    const sm = new StampManager();
    await expect(timed('once', async () => 'ok', { logger, stamps: sm })).resolves.toBe('ok');
    expect(timed('sync once', () => 5, { logger })).toBe(5);
    expect(sm.stepLogs[0]).toEqual(['once CREATED', 'once DONE']);
    expect(messages()).toEqual(expect.arrayContaining(['once CREATED', 'sync once CREATED']));
  });
});

describe('instrument default logger', () => {
  it('logs through the RT logger when none is given', () => {
    const rt = getRtLogger();
    const saved = { level: rt.level, propagate: rt.propagate };
    const rootHandler = new MemoryHandler();
    rt.setLevel('INFO');
    rt.addHandler(rootHandler);
    try {
      instrument(() => 1, { name: 'default-logger' })();
    } finally {
      rt.removeHandler(rootHandler);
      rt.setLevel(saved.level);
    }
    expect(rootHandler.records.map((r) => [r.name, r.getMessage().split(' (')[0]])).toEqual([
      ['RT', 'default-logger CREATED'], ['RT', 'default-logger DONE'],
    ]);
  });
});
