import { describe, expect, test } from '@jest/globals';
import { SafeJson } from '../../lib/index.js';
import { isPlainData } from '../../lib/formatters/plain-data.js';

const LIMITS = { maxDepth: 32, maxStringLength: Infinity, redactKeys: new Set<string>() };

/** The walker alone, bypassing the fast path that `stringify` and `field` try first. */
const walked = (json: SafeJson, v: unknown) => json.value(v, 0, []) ?? 'null';

/** Shaped like an agent's request state: objects, arrays, strings that need escaping and not. */
const DEEP_OBJECT = {
  session: { id: '3f0c2a1e', runId: 'run-0007', started: 1764000000.125 },
  request: { parent: 'Coordinator', args: ['doc.txt', 4096, true], kwargs: { overlap: 128, strategy: 'sentence' } },
  history: [{ role: 'system', content: 'Split documents.\nKeep sentences whole.' }, { role: 'assistant', content: 'Calling {"id": 2}' }],
  tools: Array.from({ length: 5 }, (_, i) => ({ name: `tool_${i}`, parameters: { id: { type: 'integer', required: true } }, calls: [i, i * 2] })),
  metrics: { tokensIn: 1834, latencyMs: 812.5, cached: false },
};

const nested = (depth: number): unknown => (depth === 0 ? 'leaf' : { next: nested(depth - 1) });

const PLAIN: unknown[] = [
  {}, [], { a: 1 }, [1, 'two', true, null], DEEP_OBJECT,
  { s: 'quote " backslash \\ newline \n tab \t nul \u0000 del \u007f' },
  { lone: 'a\ud800b', pair: '😀', tail: '\udfff' },
  { 'key "with" quotes\n': 'v', 'ключ': 'значение', '': 'empty key' },
  { n: [0, -0, 1.5, -2e-7, 1e21, 123456789012345680000, Number.MAX_SAFE_INTEGER, Number.MIN_VALUE] },
  { u: undefined, arr: [undefined, 1], nil: null },
  { 2: 'b', 1: 'a', z: 'z', '-1': 'neg' },
  Object.assign(Object.create(null), { bare: true }),
  { same: DEEP_OBJECT.metrics, again: DEEP_OBJECT.metrics },
  nested(32), // 32 objects: the deepest sits at depth 31, just inside the default limit
];

describe('the plain-data fast path', () => {
  test('gives exactly the walker\'s text for every value in a corpus of plain data', () => {
    const json = new SafeJson();
    for (const value of PLAIN) {
      expect(isPlainData(value, LIMITS)).toBe(true);
      expect(json.stringify(value)).toBe(walked(json, value));
      expect(json.field('k', value)).toBe(`,"k":${walked(json, value)}`);
    }
  });

  test('also under a depth limit, a string cut and redaction that do not touch the value', () => {
    const json = new SafeJson({ maxDepth: 4, maxStringLength: 200, redact: ['password', 'headers.authorization'] });
    const value = { user: 'ada', headers: { accept: 'json' }, list: [{ x: 1 }] };
    expect(json.stringify(value)).toBe(walked(json, value));
    expect(json.field('session', value)).toBe(`,"session":${walked(json, value)}`);
  });

  test('hostile or unusual values fail the check and keep the walker\'s stand-ins', () => {
    const loop: Record<string, unknown> = { a: 1 };
    loop.self = loop;
    const wide: Record<string, unknown> = {};
    wide.a = wide;
    wide.b = wide;
    class Point { constructor(readonly x: number) {} }
    const values: unknown[] = [
      loop, wide, { n: 1n }, { n: NaN }, { n: Infinity }, { f: () => 1 }, { s: Symbol('s') },
      { d: new Date(0) }, { m: new Map([['k', 1]]) }, { set: new Set([1]) }, { e: new Error('boom') },
      { r: /x/g }, { p: new Point(1) }, { j: { toJSON: () => 'replaced' } }, { boxed: new String('s') },
      { typed: new Uint8Array(2) }, Object.assign([1], { toJSON: () => 'arr' }), nested(33),
      Object.defineProperty({ a: 1 }, 'toJSON', { value: () => new Map([['k', 1]]), enumerable: false }),
      { proxied: new Proxy({ a: 1 }, {}) }, new Proxy([1, 2], {}),
      // Holes: JSON.stringify writes null for each, the walker one count per run.
      [1, , 3], { list: new Array(4) }, // eslint-disable-line no-sparse-arrays
    ];
    const json = new SafeJson();
    for (const value of values) {
      expect([value, isPlainData(value, LIMITS)]).toEqual([value, false]);
      expect(json.stringify(value)).toBe(walked(json, value));
    }
    expect(json.stringify(loop)).toBe('{"a":1,"self":"[Circular]"}');
  });

  test('a cycle is refused wherever it closes: at the top, ten levels down, and under a huge depth limit', () => {
    const top: Record<string, unknown> = { a: 1 };
    top.self = top;
    const deepLoop = nested(10) as Record<string, unknown>;
    let tail = deepLoop;
    while (typeof tail.next === 'object') tail = tail.next as Record<string, unknown>;
    tail.next = deepLoop.next; // closes a cycle from depth 10 back to depth 1
    const roomy = { ...LIMITS, maxDepth: 100_000 };
    for (const value of [top, deepLoop, [deepLoop]]) {
      expect(isPlainData(value, LIMITS)).toBe(false);
      expect(isPlainData(value, roomy)).toBe(false);
    }
    expect(new SafeJson().stringify(deepLoop)).toContain('"[Circular]"');
  });

  test('a getter runs at most twice per line, whatever it answers, and the line stays valid JSON', () => {
    const json = new SafeJson();
    /** An object whose `g` getter answers `answers[n]` on its n-th call (throwing an Error answer). */
    const counted = (answers: unknown[]) => {
      const state = { calls: 0 };
      const value = { plain: 1, nested: { deeper: [1, 2] } } as Record<string, unknown>;
      Object.defineProperty(value, 'g', {
        enumerable: true,
        get() {
          const answer = answers[Math.min(state.calls++, answers.length - 1)];
          if (answer instanceof Error) throw answer;
          return answer;
        },
      });
      return { value, state };
    };
    const cases: Array<[string, unknown[]]> = [
      ['a steady plain value', ['x']],
      ['a steady value the check refuses', [new Map([[1, 2]])]],
      ['a getter that always throws', [new Error('always')]],
      ['plain first, then a BigInt', [1, 10n]],
      ['plain first, then a throw', ['ok', new Error('second')]],
      ['plain first, then a cycle', [{}, (() => { const c: Record<string, unknown> = {}; c.c = c; return c; })()]],
      ['a different plain value each time', ['first', 'second']],
    ];
    for (const [label, answers] of cases) {
      const { value, state } = counted(answers);
      const line = json.stringify(value);
      expect({ label, calls: state.calls <= 2 }).toEqual({ label, calls: true });
      expect(() => JSON.parse(line)).not.toThrow();
      // The same object inside an array and as a field: each place reads it at most twice.
      const again = counted(answers);
      JSON.parse(`{"x":0${json.field('f', again.value)}}`);
      expect(again.state.calls).toBeLessThanOrEqual(2);
    }
    // A getter whose value does not change is written exactly as the walker alone writes it.
    const steady = counted(['x']).value;
    expect(json.stringify(steady)).toBe(walked(json, counted(['x']).value));
    expect(json.stringify(counted([new Error('always')]).value)).toBe('{"plain":1,"nested":{"deeper":[1,2]},"g":"[Throws: always]"}');
  });

  test('Proxy traps that throw, a redacted key, a long string and a depth past the limit all fall back', () => {
    const trap = new Proxy({}, { ownKeys() { throw new Error('no keys'); }, getPrototypeOf() { throw new Error('no proto'); } });
    expect(isPlainData({ trap }, LIMITS)).toBe(false);
    expect(new SafeJson().stringify({ trap })).toBe('{"trap":"[Unserializable: no proto]"}');

    const redacting = new SafeJson({ redact: ['Password'] });
    expect(redacting.stringify({ user: { password: 'x', name: 'ada' } })).toBe('{"user":{"password":"[Redacted]","name":"ada"}}');
    const paths = new SafeJson({ redact: ['user.token'] });
    expect(paths.field('user', { token: 't', id: 1 })).toBe(',"user":{"token":"[Redacted]","id":1}');

    const short = new SafeJson({ maxStringLength: 3 });
    expect(short.stringify({ s: 'abcdef' })).toBe('{"s":"abc…"}');
    const shallow = new SafeJson({ maxDepth: 2 });
    expect(shallow.stringify({ a: { b: { c: 1 } }, l: [[[1]]] })).toBe('{"a":{"b":"[Object]"},"l":["[Array]"]}');
  });

  test('a toJSON added to Object.prototype turns the fast path off', () => {
    const proto = Object.prototype as unknown as Record<string, unknown>;
    proto.toJSON = function toJSON() { return 'polluted'; };
    try {
      expect(isPlainData({ a: 1 }, LIMITS)).toBe(false);
    } finally {
      delete proto.toJSON;
    }
    expect(isPlainData({ a: 1 }, LIMITS)).toBe(true);
  });
});
