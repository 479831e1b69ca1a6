import { describe, expect, test } from '@jest/globals';
import { Extra, INFO, LogRecord, WARNING, extra, makeLogRecord } from '../../lib/index.js';
import { loadTimeMs } from '../../lib/core/clock.js';

describe('LogRecord', () => {
  test('carries Python times: created in epoch seconds, msecs, relativeCreated since load', () => {
    const r = new LogRecord('RT', INFO, 'm', null, undefined, undefined, loadTimeMs + 3525);
    expect(r.created).toBeCloseTo((loadTimeMs + 3525) / 1000, 6);
    expect(r.msecs).toBe((loadTimeMs + 3525) % 1000);
    expect(r.relativeCreated).toBe(3525);
    expect(r.relative_seconds).toBe('3.525');
    expect(r.levelname).toBe('INFO');
  });

  test('has Python placeholders for the call site and per-process fields', () => {
    const r = new LogRecord('RT', INFO, 'm', null);
    expect([r.pathname, r.lineno, r.funcName]).toEqual(['(unknown file)', 0, '(unknown function)']);
    expect(r.process).toBe(process.pid);
    expect(r.threadName).toBe('MainThread');
    r.lineno = 42;
    expect(r.lineno).toBe(42);
    expect(new LogRecord('RT', INFO, 'm', null).lineno).toBe(0);
  });

  test('getMessage follows changes a filter makes to msg and args', () => {
    const r = new LogRecord('RT', INFO, 'a %s', ['x']);
    expect(r.getMessage()).toBe('a x');
    r.args = ['y'];
    expect(r.getMessage()).toBe('a y');
    r.msg = 'b %s';
    expect(r.getMessage()).toBe('b y');
  });

  test('a single non-empty mapping argument becomes the mapping; an empty one stays positional', () => {
    expect(new LogRecord('RT', INFO, '%(a)s', [{ a: 1 }]).getMessage()).toBe('1');
    expect(new LogRecord('RT', INFO, '%(a)s', [new Map([['a', 2]])]).getMessage()).toBe('2');
    expect(new LogRecord('RT', INFO, '%s', [{}]).getMessage()).toBe('{}');
  });

  test('field() reads record attributes first, then structured fields', () => {
    const r = new LogRecord('RT', INFO, 'm', null, undefined, { user: 'ann', name: 'shadowed' });
    expect(r.field('user')).toBe('ann');
    expect(r.field('name')).toBe('RT');
    expect(r.field('missing')).toBeUndefined();
  });

  test('extra() wraps fields in a marker the logger recognises', () => {
    const marker = extra({ a: 1 });
    expect(marker).toBeInstanceOf(Extra);
    expect(marker.fields).toEqual({ a: 1 });
  });
});

describe('makeLogRecord', () => {
  test('sets known attributes and keeps the rest as structured fields', () => {
    const r = makeLogRecord({ name: 'py.worker', levelno: WARNING, msg: 'hi %s', args: ['there'], user: 'ann', relative_seconds: '9.000' });
    expect(r.name).toBe('py.worker');
    expect(r.levelname).toBe('WARNING');
    expect(r.getMessage()).toBe('hi there');
    expect(r.extra).toEqual({ user: 'ann', relative_seconds: '9.000' });
  });

  test('never lets __proto__ or constructor keys reach the record or its prototype', () => {
    const hostile = JSON.parse('{"name":"x","__proto__":{"polluted":true},"constructor":{"p":1}}');
    const r = makeLogRecord(hostile);
    expect((r as unknown as { polluted?: boolean }).polluted).toBeUndefined();
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
    expect(r.extra).toBeUndefined();
  });
});
