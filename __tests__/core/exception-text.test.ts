import { describe, expect, test } from '@jest/globals';
import { formatExceptionText } from '../../lib/core/exception-text.js';

describe('formatExceptionText', () => {
  test('prints the innermost cause first, joined by Python\'s sentence', () => {
    const text = formatExceptionText(new Error('outer', { cause: new Error('middle', { cause: new RangeError('inner') }) }));
    const inner = text.indexOf('RangeError: inner');
    const middle = text.indexOf('Error: middle');
    const outer = text.indexOf('Error: outer');
    expect(inner).toBeGreaterThanOrEqual(0);
    expect(inner).toBeLessThan(middle);
    expect(middle).toBeLessThan(outer);
    expect(text.split('\n\nThe above exception was the direct cause of the following exception:\n\n')).toHaveLength(3);
  });

  test('stops at a cause cycle instead of looping', () => {
    const a = new Error('a');
    const b = new Error('b', { cause: a });
    (a as { cause?: unknown }).cause = b;
    const text = formatExceptionText(a);
    expect(text.match(/Error: a/g)).toHaveLength(1);
    expect(text.match(/Error: b/g)).toHaveLength(1);
  });

  test('lists the inner errors of an AggregateError', () => {
    const text = formatExceptionText(new AggregateError([new Error('one'), new TypeError('two')], 'both failed'));
    expect(text).toContain('AggregateError: both failed');
    expect(text).toContain('[errors[0]] Error: one');
    expect(text).toContain('[errors[1]] TypeError: two');
  });

  test('an error whose stack and cause getters throw still renders its name and message', () => {
    const err = new Error('sneaky');
    Object.defineProperty(err, 'stack', { get() { throw new Error('no stack'); } });
    Object.defineProperty(err, 'cause', { get() { throw new Error('no cause'); } });
    expect(formatExceptionText(err)).toBe('Error: sneaky');
  });

  test('a thrown non-Error value is described', () => {
    expect(formatExceptionText('just a string')).toBe('Thrown value: just a string');
  });
});
