/**
 * Decoding cost of the largest frame a receiver accepts (1 MiB), opcode by opcode. Each frame is
 * decoded in a child process that is killed after 20 s: the passing path takes milliseconds, a
 * superlinear opcode (a 256 KiB LONG4 once took minutes) fails as a kill, clearly, not as a slow
 * test. What is asserted is the outcome: the value, or a refusal naming the bound.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from '@jest/globals';
import { runModuleWithKillTimeout } from '../support/child.js';

const DIST = pathToFileURL(join(process.cwd(), 'dist/interop/index.js')).href;
const FRAME = 1024 * 1024 - 16;

/** Builds each hostile frame of ~1 MiB and decodes it; prints one JSON line per case. */
const CHILD = `
const { decodePickle } = await import(${JSON.stringify(DIST)});
const N = ${FRAME};
const b = (...parts) => Buffer.concat(parts.map((p) => typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.isBuffer(p) ? p : Buffer.from(p)));
const u32 = (n) => { const x = Buffer.alloc(4); x.writeUInt32LE(n); return x; };
const cases = {
  long4: b('\\x80\\x02\\x8b', u32(N), Buffer.alloc(N, 0x7f), '.'),
  longText: b('L', '9'.repeat(N), 'L\\n.'),
  intText: b('I', '9'.repeat(N), '\\n.'),
  binunicode: b('X', u32(N), Buffer.alloc(N, 0x61), '.'),
  unicodeEscapes: b('V', '\\\\u00e9'.repeat(Math.floor(N / 6)), '\\n.'),
  binbytes: b('B', u32(N), Buffer.alloc(N, 1), '.'),
  floatText: b('F', '1'.repeat(N), '\\n.'),
  appends: b(']', '(', 'N'.repeat(99000), 'e.'),
  setitems: b('}', '(', Array.from({ length: 40000 }, (_, i) => 'X' + u32(String(i).length).toString('latin1') + String(i) + 'N').join(''), 'u.'),
  memoFanOut: b('(', 'X', u32(100000), Buffer.alloc(100000, 0x62), 'q\\x00', 'h\\x00'.repeat(90000), 'l.'),
  marks: b('('.repeat(399000), '.'),
};
for (const [name, frame] of Object.entries(cases)) {
  let outcome;
  try {
    const v = decodePickle(frame);
    outcome = { ok: typeof v === 'string' ? 'string:' + v.length : v instanceof Uint8Array ? 'bytes:' + v.length : Array.isArray(v) ? 'list:' + v.length : typeof v === 'object' && v !== null ? 'keys:' + Object.keys(v).length : String(v) };
  } catch (err) {
    outcome = { refused: err.name + ': ' + err.message };
  }
  console.log(JSON.stringify({ name, bytes: frame.length, ...outcome }));
}
`;

async function decodeAllInChild(): Promise<Record<string, { bytes: number; ok?: string; refused?: string }>> {
  const { code, signal, stdout, stderr } = await runModuleWithKillTimeout(CHILD, { killAfterMs: 20_000 });
  const results = Object.fromEntries(stdout.trim().split('\n').filter(Boolean).map((l) => {
    const r = JSON.parse(l) as { name: string; bytes: number };
    return [r.name, r];
  }));
  if (code !== 0) {
    throw new Error(`decoding child ended with ${code ?? signal} (killed after 20 s means an opcode's cost is not linear); `
      + `finished: ${Object.keys(results).join(', ') || 'none'}\n${stderr}`);
  }
  return results;
}

test('every opcode decodes a maximum-size frame in linear time, or refuses it naming the bound', async () => {
  const r = await decodeAllInChild();
  // Byte-heavy opcodes get a full-size frame; the container ones are held by the value and opcode limits first.
  for (const name of ['long4', 'longText', 'intText', 'binunicode', 'unicodeEscapes', 'binbytes', 'floatText']) expect(r[name]!.bytes).toBeGreaterThan(1000 * 1000);
  // Python's own int/str limit is 4300 digits; a longer int could never be printed by a Python formatter either.
  expect(r.long4!.refused).toMatch(/PickleError: integer of 1048560 bytes exceeds 1786 bytes/);
  expect(r.longText!.refused).toMatch(/4300-digit limit/);
  expect(r.intText!.refused).toMatch(/4300-digit limit/);
  expect(r.binunicode!.ok).toBe(`string:${FRAME}`);
  expect(r.unicodeEscapes!.ok).toBe(`string:${Math.floor(FRAME / 6)}`);
  expect(r.binbytes!.ok).toBe(`bytes:${FRAME}`);
  expect(r.floatText!.ok).toBe('Infinity');
  expect(r.appends!.ok).toBe('list:99000');
  expect(r.setitems!.ok).toBe('keys:40000');
  // 90 000 references to one 100 kB string would be 9 GB of text once formatted.
  expect(r.memoFanOut!.refused).toMatch(/more than 4194304 characters of text once memo references are expanded/);
  expect(r.marks!.refused).toMatch(/STOP with a malformed stack/);
}, 30_000);
