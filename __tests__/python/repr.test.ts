import { describe, expect, test } from '@jest/globals';
import { floatRepr, isPyMapping, pyAscii, pyRepr, pyStr, pyTypeName } from '../../lib/python/repr.js';

describe('pyStr and pyRepr', () => {
  test('null and undefined print as None, booleans as True and False', () => {
    expect([pyStr(null), pyStr(undefined), pyStr(true), pyRepr(false)]).toEqual(['None', 'None', 'True', 'False']);
  });

  test('safe integers print as Python ints, negative zero as 0, bigints as ints of any size', () => {
    expect(pyStr(42)).toBe('42');
    expect(pyStr(-0)).toBe('0');
    expect(pyStr(Number.MAX_SAFE_INTEGER)).toBe('9007199254740991');
    expect(pyRepr(-(2n ** 70n))).toBe('-1180591620717411303424');
    expect(pyStr(2n ** 64n)).toBe('18446744073709551616');
  });

  test('numbers beyond 2^53 are not exact integers and print as Python floats', () => {
    expect([pyStr(1e16), pyStr(2 ** 64), pyRepr(Number.MAX_VALUE), pyStr([1.2345678901234568e17])])
      .toEqual(['1e+16', '1.8446744073709552e+19', '1.7976931348623157e+308', '[1.2345678901234568e+17]']);
    expect([pyTypeName(2 ** 53), pyTypeName(2 ** 53 - 1)]).toEqual(['float', 'int']);
  });

  test('other numbers print as Python float reprs with its exponent thresholds', () => {
    expect([pyStr(0.1), pyStr(1e-5), pyStr(0.0001), pyStr(1.5e-7), pyStr(123.456)]).toEqual(['0.1', '1e-05', '0.0001', '1.5e-07', '123.456']);
    expect([pyStr(Infinity), pyStr(-Infinity), pyStr(NaN)]).toEqual(['inf', '-inf', 'nan']);
    expect([floatRepr(1e16), floatRepr(1.5e16), floatRepr(3), floatRepr(-0)]).toEqual(['1e+16', '1.5e+16', '3.0', '-0.0']);
  });

  test('strings pick the quote Python picks and escape control and non-printable characters', () => {
    expect(pyStr('as is')).toBe('as is');
    expect(pyRepr("it's")).toBe(`"it's"`);
    expect(pyRepr(`it's "x"`)).toBe(`'it\\'s "x"'`);
    expect(pyRepr('a\nb\tc\rd\\')).toBe(`'a\\nb\\tc\\rd\\\\'`);
    expect(pyRepr('\x00\x1b\x7f\x85\xa0\u200b\u2028')).toBe(`'\\x00\\x1b\\x7f\\x85\\xa0\\u200b\\u2028'`);
    expect(pyRepr('é日本😀')).toBe(`'é日本😀'`);
    expect(pyRepr('\u{e0001}')).toBe(`'\\U000e0001'`);
  });

  test('lone surrogates are escaped as \\udXXX', () => {
    expect(pyRepr('a\ud800b\udfff')).toBe(`'a\\ud800b\\udfff'`);
  });

  test('pyAscii escapes every non-ASCII character of the repr', () => {
    expect(pyAscii('é😀\ud800')).toBe(`'\\xe9\\U0001f600\\ud800'`);
    expect(pyAscii(['ü'])).toBe(`['\\xfc']`);
  });

  test('arrays, objects, Maps and Sets print as list, dict and set', () => {
    expect(pyStr([1, 'a', null, [true, 2.5]])).toBe(`[1, 'a', None, [True, 2.5]]`);
    expect(pyStr({ k: 1, 'it\'s': 'v' })).toBe(`{'k': 1, "it's": 'v'}`);
    expect(pyStr(Object.assign(Object.create(null) as object, { a: [] }))).toBe(`{'a': []}`);
    expect(pyStr(new Map<unknown, unknown>([[1, 'x'], ['y', null]]))).toBe(`{1: 'x', 'y': None}`);
    expect([pyStr(new Set([1, 2])), pyStr(new Set()), pyStr([]), pyStr({})]).toEqual(['{1, 2}', 'set()', '[]', '{}']);
  });

  test('bytes print as b-literals with Python escapes', () => {
    expect(pyStr(Uint8Array.of(104, 105, 0, 255, 10))).toBe(`b'hi\\x00\\xff\\n'`);
    expect(pyRepr(Buffer.from("it's"))).toBe(`b"it's"`);
  });

  test('errors print their message with str and Name(message) with repr', () => {
    expect(pyStr(new Error('boom'))).toBe('boom');
    expect(pyRepr(new TypeError('bad'))).toBe(`TypeError('bad')`);
    expect(pyRepr(new RangeError())).toBe('RangeError()');
    expect(pyStr([new Error('x')])).toBe(`[Error('x')]`);
  });

  test('functions, classes, symbols and dates have readable forms', () => {
    function named(): void {}
    class Widget {}
    expect(pyStr(named)).toBe('<function named>');
    expect(pyStr(Widget)).toBe(`<class 'Widget'>`);
    expect(pyStr(() => 1)).toBe('<function <anonymous>>');
    expect(pyStr(Symbol('tag'))).toBe('Symbol(tag)');
    expect(pyStr(new Date(Date.UTC(2026, 10, 21, 14, 9, 37, 370)))).toBe('2026-11-21T14:09:37.370Z');
    expect(pyStr(new Date(NaN))).toBe('Invalid Date');
  });

  test('class instances use their own toString, otherwise ClassName({fields})', () => {
    class Point { constructor(public x: number, public y: number) {} }
    class Named { toString(): string { return 'Named!'; } }
    expect(pyStr(new Point(1, 2))).toBe(`Point({'x': 1, 'y': 2})`);
    expect(pyStr([new Named()])).toBe('[Named!]');
    expect(pyStr(/a+/g)).toBe('/a+/g');
  });

  test('recursive containers print [...] and {...} like Python', () => {
    const list: unknown[] = [1];
    list.push(list);
    const dict: Record<string, unknown> = { a: 1 };
    dict.self = dict;
    expect(pyStr(list)).toBe('[1, [...]]');
    expect(pyStr(dict)).toBe(`{'a': 1, 'self': {...}}`);
    const shared = [1];
    expect(pyStr([shared, shared])).toBe('[[1], [1]]');
  });

  test('throwing getters, toString methods and revoked proxies never escape', () => {
    class Hostile { toString(): string { throw new Error('no'); } }
    const getter = { get bad(): never { throw new Error('getter'); } };
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(pyStr(new Hostile())).toBe('<unprintable Hostile object>');
    expect(pyStr(getter)).toBe('<unprintable Object object>');
    expect(pyRepr(proxy)).toBe('<unprintable object object>');
    expect(pyStr([1, new Hostile()])).toBe('[1, <unprintable Hostile object>]');
    expect(pyTypeName(proxy)).toBe('object');
    expect(isPyMapping(proxy)).toBe(false);
  });

  test('pyTypeName gives the Python type names used in error messages', () => {
    expect([null, 1, 1.5, 1n, 'a', true, [1], { a: 1 }, new Set(), Uint8Array.of(1)].map(pyTypeName))
      .toEqual(['NoneType', 'int', 'float', 'int', 'str', 'bool', 'list', 'dict', 'set', 'bytes']);
  });
});
