/**
 * The restricted pickle codec against python3: every protocol Python writes decodes to the same
 * data, our protocol-1 encoding loads in Python to the same data, and code-bearing opcodes are
 * refused whatever the protocol.
 */
import { expect, test } from '@jest/globals';
import { PickleError, decodePickle, encodePickle } from '../../lib/interop/index.js';
import { describeWithPython, runPython } from '../support/python.js';

const VALUE = {
  name: 'RT.worker', levelno: 20, created: 1700000000.25, msecs: 250.0, neg: -70000, big: 2n ** 70n, small: -5,
  text: 'ñandú ✓ 日本語 🚀', empty: '', none: null, yes: true, no: false, list: [1, 'a', [2.5, null]], nested: { k: { deeper: ['x'] } },
};

/** A JSON rendering both sides agree on: floats keep a marker so 250.0 and 250 differ. */
const CANON = String.raw`
def canon(v):
    if isinstance(v, bool) or v is None: return v
    if isinstance(v, float): return {'float': repr(v)}
    if isinstance(v, int): return {'int': str(v)}
    if isinstance(v, (list, tuple)): return [canon(x) for x in v]
    if isinstance(v, dict): return {k: canon(x) for k, x in v.items()}
    return v
`;

function canon(v: unknown, floatKeys = new Set(['created', 'msecs'])): unknown {
  const walk = (x: unknown, key?: string): unknown => {
    if (x === null || typeof x === 'boolean' || typeof x === 'string') return x;
    if (typeof x === 'bigint') return { int: x.toString() };
    if (typeof x === 'number') return Number.isInteger(x) && !(key !== undefined && floatKeys.has(key)) ? { int: String(x) } : { float: x === Math.trunc(x) ? x.toFixed(1) : String(x) };
    if (Array.isArray(x)) return x.map((e) => walk(e));
    return Object.fromEntries(Object.entries(x as object).map(([k, e]) => [k, walk(e, k)]));
  };
  return walk(v);
}

describeWithPython('pickle codec and python3', () => {
  test('decodes what python3 pickles with protocols 0 to 5 into the same data', async () => {
    const out = await runPython(`${CANON}
import pickle, json
v = {'name': 'RT.worker', 'levelno': 20, 'created': 1700000000.25, 'msecs': 250.0, 'neg': -70000, 'big': 2**70, 'small': -5,
     'text': 'ñandú ✓ 日本語 🚀', 'empty': '', 'none': None, 'yes': True, 'no': False, 'list': [1, 'a', (2.5, None)], 'nested': {'k': {'deeper': ['x']}}}
print(json.dumps({'canon': canon(v), 'pickles': [list(pickle.dumps(v, p)) for p in range(6)]}))`);
    const { canon: expected, pickles } = JSON.parse(out) as { canon: unknown; pickles: number[][] };
    for (const bytes of pickles) expect(canon(decodePickle(Buffer.from(bytes)))).toEqual(expected);
  });

  test('encodes protocol 1 that python3 pickle.loads reads back as the same data', async () => {
    const hex = encodePickle(VALUE, new Set(['created', 'msecs'])).toString('hex');
    const out = await runPython(`${CANON}
import pickle, json, pickletools
data = bytes.fromhex('${hex}')
assert max(op.proto for op, _, _ in pickletools.genops(data)) <= 1
print(json.dumps(canon(pickle.loads(data))))`);
    expect(JSON.parse(out)).toEqual(canon(VALUE));
  });
});

test('refuses code-bearing opcodes, cycles, deep nesting and truncation with the reason', () => {
  const bytes = (s: string) => Buffer.from(s, 'latin1');
  expect(() => decodePickle(bytes('cos\nsystem\n(X\x02\x00\x00\x00idtR.'))).toThrow(/opcode GLOBAL \(0x63\) is not allowed: .*\(at byte 0\)$/);
  expect(() => decodePickle(bytes(']q\x00h\x00a.'))).toThrow(/contains itself/);
  expect(() => decodePickle(bytes('('.repeat(40) + 'l'.repeat(40) + '.'))).toThrow(/nesting deeper than 32/);
  expect(() => decodePickle(bytes('X\xff\x00\x00\x00ab'))).toThrow(/truncated pickle/);
  expect(() => decodePickle(bytes('N.junk'))).toThrow(/trailing bytes after STOP/);
  expect(() => decodePickle(bytes('h\x05.'))).toThrow(/memo key 5 was never stored/);
  expect(() => decodePickle(bytes('N.'))).not.toThrow();
  expect(new PickleError('x', 3).message).toBe('x (at byte 3)');
});
