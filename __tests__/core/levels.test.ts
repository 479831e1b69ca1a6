import { describe, expect, test } from '@jest/globals';
import { CRITICAL, DEBUG, ERROR, INFO, NOTSET, WARNING, addLevelName, getLevelName, toLevelNumber } from '../../lib/index.js';

describe('levels', () => {
  test('have Python numbers', () => {
    expect([NOTSET, DEBUG, INFO, WARNING, ERROR, CRITICAL]).toEqual([0, 10, 20, 30, 40, 50]);
  });

  test('names map both ways, with Level N for unnamed numbers', () => {
    expect(getLevelName(30)).toBe('WARNING');
    expect(getLevelName(15)).toBe('Level 15');
    expect(toLevelNumber('ERROR')).toBe(40);
    expect(toLevelNumber('warn')).toBe(30);
    expect(toLevelNumber('FATAL')).toBe(50);
    expect(toLevelNumber(25)).toBe(25);
  });

  test('an unknown name is an error that lists the accepted names', () => {
    expect(() => toLevelNumber('LOUD')).toThrow(/Unknown level: 'LOUD'.*CRITICAL.*DEBUG/);
    expect(() => toLevelNumber(1.5)).toThrow(/integer/);
  });

  test('a custom level name can be added and then used by name', () => {
    addLevelName(25, 'NOTICE');
    expect(getLevelName(25)).toBe('NOTICE');
    expect(toLevelNumber('NOTICE')).toBe(25);
  });
});
