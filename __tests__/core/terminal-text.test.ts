import { describe, expect, test } from '@jest/globals';
import { CONTINUATION_INDENT, escapeForTerminal } from '../../lib/index.js';

/** The characters that must never reach a terminal raw (line feed aside, which is laid out). */
const C0 = Array.from({ length: 0x20 }, (_, i) => i).filter((c) => c !== 0x09 && c !== 0x0a);
const C1 = Array.from({ length: 0x20 }, (_, i) => 0x80 + i);
const BIDI = [0x061c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069];
const SEPARATORS = [0x2028, 0x2029];
const UNSAFE = new Set([...C0, 0x7f, ...C1, ...BIDI, ...SEPARATORS]);

describe('escapeForTerminal', () => {
  test('every C0 and C1 control, DEL, bidi control and line separator is shown escaped, nothing else changes', () => {
    const wrong: string[] = [];
    for (let cp = 0; cp < 0x10000; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      if (cp === 0x0a) continue;
      const ch = String.fromCharCode(cp);
      const out = escapeForTerminal(`a${ch}b`);
      const expected = !UNSAFE.has(cp) ? `a${ch}b`
        : cp === 0x0d ? 'a\\rb'
        : cp <= 0xff ? `a\\x${cp.toString(16).padStart(2, '0')}b`
        : `a\\u${cp.toString(16).padStart(4, '0')}b`;
      if (out !== expected && wrong.length < 10) wrong.push(`U+${cp.toString(16)}: ${JSON.stringify(out)}`);
    }
    expect(wrong).toEqual([]);
  });

  test('astral characters, tab and backslash pass through', () => {
    expect(escapeForTerminal('😀\tC:\\logs')).toBe('😀\tC:\\logs');
  });

  test('a one-line field shows a line break as \\n; text that may span lines indents each continuation', () => {
    expect(escapeForTerminal('WARN\nING')).toBe('WARN\\nING');
    expect(escapeForTerminal('one\ntwo\r\nthree', CONTINUATION_INDENT)).toBe(`one\n${CONTINUATION_INDENT}two\\r\n${CONTINUATION_INDENT}three`);
  });

  test('terminal sequences an attacker would send come out inert', () => {
    const attacks = ['\u001b[2J\u001b[H', '\u001b]0;owned\u0007', '\u001b]8;;http://x\u001b\\link\u001b]8;;\u001b\\', '\u009b31m', '\u0090q\u009c', 'safe\u202eexe.txt', 'a\u2028[+0.000  s] RT : INFO - fake'];
    for (const a of attacks) {
      const out = escapeForTerminal(a, CONTINUATION_INDENT);
      for (const ch of out) expect(UNSAFE.has(ch.codePointAt(0)!)).toBe(false);
    }
  });
});
