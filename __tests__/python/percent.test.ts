import { describe, expect, test } from '@jest/globals';
import {
  STAR, compilePercent, formatPercentField, parsePercent, percentFormat,
} from '../../lib/python/percent.js';
import { PythonError } from '../../lib/python/index.js';
import type { PercentField } from '../../lib/python/percent.js';

function failure(run: () => unknown): [string, string] {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(PythonError);
    // Named by its Python class, as a report prints it.
    expect((e as PythonError).name).toBe((e as PythonError).pyType);
    return [(e as PythonError).pyType, (e as Error).message];
  }
  throw new Error('expected a PythonError');
}

describe('percentFormat', () => {
  test('formats the everyday log call', () => {
    expect(percentFormat('user %s did %d things', ['bob', 42])).toBe('user bob did 42 things');
  });

  test('renders values with Python str and repr', () => {
    expect(percentFormat('%s %r %s %s', [null, 'x', [1, 'a'], { k: true }])).toBe(`None 'x' [1, 'a'] {'k': True}`);
  });

  test('rounds exact ties to even like Python, unlike toFixed', () => {
    expect(percentFormat('%.0f %.0f %.1f %.2e %.0f', [0.5, 2.5, 0.25, 1.125, 1.5])).toBe('0 2 0.2 1.12e+00 2');
    expect(percentFormat('%.0e %.0e', [25, 9.5])).toBe('2e+01 1e+01');
  });

  test('handles precision beyond what toFixed supports, with the exact binary value', () => {
    expect(percentFormat('%.60f', [0.1])).toBe('0.' + '100000000000000005551115123125782702118158340454101562500000000'.slice(0, 60));
    expect(percentFormat('%.3f', [1e22])).toBe('10000000000000000000000.000');
  });

  test('applies flags, width, precision and * from the arguments', () => {
    expect(percentFormat('%-6s|%06.2f|%+d|% d|%#x|%#o|%5.1e', ['ab', 3.14159, 5, 5, 255, 8, 12345])).toBe('ab    |003.14|+5| 5|0xff|0o10|1.2e+04');
    expect(percentFormat('%*d|%-*d|%.*f', [4, 7, 3, 7, 2, 1.005])).toBe('   7|7  |1.00');
    expect(percentFormat('%*d|', [-4, 7])).toBe('7   |');
  });

  test('formats mapping fields from plain objects and Maps', () => {
    expect(percentFormat('%(user)s has %(n)03d', { user: 'ann', n: 7 })).toBe('ann has 007');
    expect(percentFormat('%(user)s', new Map([['user', 'ann']]))).toBe('ann');
  });

  test('collapses %% without consuming an argument', () => {
    expect(percentFormat('100%% of %s', ['it'])).toBe('100% of it');
  });

  test('counts width and precision in code points, not UTF-16 units', () => {
    expect(percentFormat('%3s|%.1s|', ['😀', '😀😀'])).toBe('  😀|😀|');
  });

  test('raises Python errors with Python messages', () => {
    expect(failure(() => percentFormat('%s %s', ['a']))).toEqual(['TypeError', 'not enough arguments for format string']);
    expect(failure(() => percentFormat('%s', ['a', 'b']))).toEqual(['TypeError', 'not all arguments converted during string formatting']);
    expect(failure(() => percentFormat('abc', [1]))).toEqual(['TypeError', 'not all arguments converted during string formatting']);
    expect(failure(() => percentFormat('ab %q', [1]))).toEqual(['ValueError', "unsupported format character 'q' (0x71) at index 4"]);
    expect(failure(() => percentFormat('%', []))).toEqual(['ValueError', 'incomplete format']);
    expect(failure(() => percentFormat('%(a)s', [1]))).toEqual(['TypeError', 'format requires a mapping']);
    expect(failure(() => percentFormat('%(a)s', { b: 1 }))).toEqual(['KeyError', "'a'"]);
    expect(failure(() => percentFormat('%d', ['x']))).toEqual(['TypeError', '%d format: a real number is required, not str']);
    expect(failure(() => percentFormat('%x', [1.5]))).toEqual(['TypeError', '%x format: an integer is required, not float']);
  });

  test('does not look mapping keys up on the prototype chain', () => {
    expect(failure(() => percentFormat('%(toString)s', {}))).toEqual(['KeyError', "'toString'"]);
  });

  test('gives negative zero its sign in float conversions only', () => {
    expect(percentFormat('%s %d %.1f', [-0, -0, -0])).toBe('0 0 -0.0');
  });
});

describe('compilePercent', () => {
  test('compiles once and formats many times', () => {
    const fmt = compilePercent('%s=%.2f');
    expect(fmt(['a', 1])).toBe('a=1.00');
    expect(fmt(['b', 2.345])).toBe('b=2.35');
  });

  test('a format without % returns the text untouched, but still rejects leftover tuple arguments', () => {
    const fmt = compilePercent('plain text');
    expect(fmt([])).toBe('plain text');
    expect(fmt({ a: 1 })).toBe('plain text');
    expect(() => fmt([1])).toThrow('not all arguments converted during string formatting');
  });
});

describe('parsePercent and formatPercentField', () => {
  const layout = '[+%(relative_seconds)-7ss] %(name)-12s: %(levelname)-8s - %(message)s';

  test('a Formatter layout parses into literal text and keyed fields', () => {
    const segments = parsePercent(layout);
    expect(segments.filter((s) => typeof s === 'string')).toEqual(['[+', 's] ', ': ', ' - ']);
    const fields = segments.filter((s): s is PercentField => typeof s !== 'string');
    expect(fields.map((f) => [f.key, f.width, f.conversion])).toEqual([
      ['relative_seconds', 7, 's'], ['name', 12, 's'], ['levelname', 8, 's'], ['message', -1, 's'],
    ]);
  });

  test('rendering each field against record values reproduces the Railtracks console line', () => {
    const record: Record<string, unknown> = { relative_seconds: '3.525', name: 'RT', levelname: 'INFO', message: 'START CREATED Github Agent' };
    const line = parsePercent(layout)
      .map((s) => (typeof s === 'string' ? s : formatPercentField(s, record[s.key!])))
      .join('');
    expect(line).toBe('[+3.525  s] RT          : INFO     - START CREATED Github Agent');
    expect(line).toBe(percentFormat(layout, record));
  });

  test('a * width must be supplied by the caller', () => {
    const [field] = parsePercent('%*d') as [PercentField];
    expect(field.width).toBe(STAR);
    expect(formatPercentField(field, 7, 3)).toBe('  7');
    expect(() => formatPercentField(field, 7)).toThrow('not enough arguments for format string');
  });
});
