/**
 * Writes values as pickle protocol 1, the protocol Python's own `SocketHandler` uses, so a
 * Python peer reads our records with plain `pickle.loads`. Only data opcodes are written; values
 * Python could not rebuild without naming a class (sets, bytes, class instances) are sent as
 * lists or as their Python `str()`.
 */
import { pyStr } from '../python/repr.js';
import { isPlainObject } from '../python/plain-object.js';

const MAX_DEPTH = 32;

class Writer {
  chunks: Buffer[] = [];
  byte(op: number): void {
    this.chunks.push(Buffer.of(op));
  }
  raw(b: Buffer): void {
    this.chunks.push(b);
  }
}

function writeInt(w: Writer, n: number | bigint): void {
  if (typeof n === 'number' && n >= 0 && n < 256) return w.raw(Buffer.of(0x4b, n)); // BININT1
  if (typeof n === 'number' && n >= 0 && n < 65536) {
    const b = Buffer.alloc(3);
    b[0] = 0x4d; // BININT2
    b.writeUInt16LE(n, 1);
    return w.raw(b);
  }
  if (typeof n === 'number' && n >= -0x80000000 && n <= 0x7fffffff) {
    const b = Buffer.alloc(5);
    b[0] = 0x4a; // BININT
    b.writeInt32LE(n, 1);
    return w.raw(b);
  }
  const digits = typeof n === 'bigint' ? n.toString() : BigInt(n).toString();
  w.raw(Buffer.from(`L${digits}L\n`, 'latin1')); // LONG, as protocol 1 spells big ints
}

function writeString(w: Writer, s: string): void {
  const body = Buffer.from(s, 'utf8');
  const head = Buffer.alloc(5);
  head[0] = 0x58; // BINUNICODE
  head.writeUInt32LE(body.length, 1);
  w.raw(head);
  w.raw(body);
}

function writeFloat(w: Writer, v: number): void {
  const b = Buffer.alloc(9);
  b[0] = 0x47; // BINFLOAT
  b.writeDoubleBE(v, 1);
  w.raw(b);
}

function writeValue(w: Writer, v: unknown, depth: number, floatKeys?: ReadonlySet<string>): void {
  // floatKeys apply to the top-level dict only.
  if (depth > 0) floatKeys = undefined;
  if (v === null || v === undefined) return w.byte(0x4e); // NONE
  if (typeof v === 'boolean') return w.raw(Buffer.from(v ? 'I01\n' : 'I00\n', 'latin1'));
  if (typeof v === 'bigint') return writeInt(w, v);
  if (typeof v === 'number') {
    if (Number.isInteger(v)) return writeInt(w, Number.isSafeInteger(v) ? (v === 0 ? 0 : v) : BigInt(v));
    return writeFloat(w, v);
  }
  if (typeof v === 'string') return writeString(w, v);
  if (depth >= MAX_DEPTH) return writeString(w, '...');
  if (Array.isArray(v) || v instanceof Set) {
    w.byte(0x5d); // EMPTY_LIST
    const items = [...v];
    if (items.length === 0) return;
    w.byte(0x28); // MARK
    for (const item of items) writeValue(w, item, depth + 1);
    return w.byte(0x65); // APPENDS
  }
  if (v instanceof Map || isPlainObject(v)) {
    w.byte(0x7d); // EMPTY_DICT
    const entries = v instanceof Map ? [...v] : Object.entries(v);
    if (entries.length === 0) return;
    w.byte(0x28);
    for (const [k, item] of entries) {
      writeValue(w, typeof k === 'string' || typeof k === 'number' || typeof k === 'bigint' || typeof k === 'boolean' || k === null ? k : pyStr(k), depth + 1);
      if (typeof item === 'number' && typeof k === 'string' && floatKeys?.has(k)) writeFloat(w, item);
      else writeValue(w, item, depth + 1);
    }
    return w.byte(0x75); // SETITEMS
  }
  writeString(w, pyStr(v));
}

/**
 * Pickle a value with protocol 1 (ending in STOP). JS numbers that are integers become Python
 * ints; `floatKeys` names top-level dict keys that are floats whatever their value (a record's
 * `created`, `msecs`, `relativeCreated`).
 * @example encodePickle({ name: 'RT', msecs: 250 }, new Set(['msecs'])) // Python loads {'name': 'RT', 'msecs': 250.0}
 */
export function encodePickle(value: unknown, floatKeys?: ReadonlySet<string>): Buffer {
  const w = new Writer();
  writeValue(w, value, 0, floatKeys);
  w.byte(0x2e); // STOP
  return Buffer.concat(w.chunks);
}

/**
 * One frame as Python's `SocketHandler` writes it: 4-byte big-endian length, then the pickle.
 * @example framePickle({ name: 'RT', msg: 'hi', levelno: 20 }).readUInt32BE(0) // pickle length
 */
export function framePickle(value: unknown, floatKeys?: ReadonlySet<string>): Buffer {
  const body = encodePickle(value, floatKeys);
  const head = Buffer.alloc(4);
  head.writeUInt32BE(body.length, 0);
  return Buffer.concat([head, body]);
}
