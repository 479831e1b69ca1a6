/**
 * A restricted pickle decoder for log records from Python's `SocketHandler`/`DatagramHandler`
 * (protocol 1 of a plain dict), and the matching encoder. Only data opcodes are accepted: no
 * GLOBAL, STACK_GLOBAL, REDUCE, BUILD, INST, OBJ, NEWOBJ, EXT or persistent ids, so a frame can
 * never name a class or call anything. Size, nesting depth, value count and memo size are bounded.
 */

/** Why a frame was rejected; `offset` is the byte where decoding stopped (-1: whole-result checks). */
export class PickleError extends Error {
  constructor(message: string, readonly offset: number) {
    super(offset >= 0 ? `${message} (at byte ${offset})` : message);
    this.name = 'PickleError';
  }
}

/** Limits on one decoded frame. */
export interface PickleLimits {
  /** Deepest container nesting (default 32). */
  maxDepth?: number;
  /** Most values (containers, strings, numbers) in the decoded result (default 100 000). */
  maxValues?: number;
  /**
   * Most characters of text and bytes in the decoded result, counting every copy a memo
   * reference makes (default 4 Mi): a 1 MiB frame cannot expand into gigabytes of text.
   */
  maxTextChars?: number;
}

/** Opcodes that would construct objects or call code; named in the rejection message. */
const FORBIDDEN: Record<number, string> = {
  0x63: 'GLOBAL', 0x93: 'STACK_GLOBAL', 0x52: 'REDUCE', 0x62: 'BUILD', 0x69: 'INST', 0x6f: 'OBJ',
  0x81: 'NEWOBJ', 0x92: 'NEWOBJ_EX', 0x82: 'EXT1', 0x83: 'EXT2', 0x84: 'EXT4', 0x50: 'PERSID',
  0x51: 'BINPERSID', 0x97: 'NEXT_BUFFER', 0x98: 'READONLY_BUFFER',
};

const MARK = Symbol('mark');
type Value = unknown;

class Reader {
  pos = 0;
  constructor(readonly buf: Buffer) {}
  need(n: number): void {
    if (n < 0 || this.pos + n > this.buf.length) throw new PickleError('truncated pickle: the frame ends inside a value', this.pos);
  }
  u8(): number { this.need(1); return this.buf[this.pos++]!; }
  u16(): number { this.need(2); const v = this.buf.readUInt16LE(this.pos); this.pos += 2; return v; }
  i32(): number { this.need(4); const v = this.buf.readInt32LE(this.pos); this.pos += 4; return v; }
  u32(): number { this.need(4); const v = this.buf.readUInt32LE(this.pos); this.pos += 4; return v; }
  bytes(n: number): Buffer { this.need(n); const b = this.buf.subarray(this.pos, this.pos + n); this.pos += n; return b; }
  line(): string {
    const end = this.buf.indexOf(0x0a, this.pos);
    if (end < 0) throw new PickleError('truncated pickle: missing end of line', this.pos);
    const s = this.buf.toString('latin1', this.pos, end);
    this.pos = end + 1;
    return s;
  }
}

/**
 * Python refuses to turn an int of more than 4300 decimal digits into text or back
 * (`sys.int_info.default_max_str_digits`), so no Python formatter could print a longer one
 * either; we refuse it at the frame, before any quadratic decimal conversion can run.
 */
export const MAX_INT_DIGITS = 4300;
/** The widest binary int (LONG1/LONG4) whose value can have at most {@link MAX_INT_DIGITS} digits. */
const MAX_INT_BYTES = Math.ceil(MAX_INT_DIGITS / Math.log10(256));

function safeOrBig(v: bigint): number | bigint {
  return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
}

function parseIntText(text: string, at: number): number | bigint {
  const t = text.endsWith('L') ? text.slice(0, -1) : text;
  if (t.length > MAX_INT_DIGITS + 1) {
    throw new PickleError(`integer literal of ${t.length} characters exceeds the ${MAX_INT_DIGITS}-digit limit (Python's own int/str limit)`, at);
  }
  if (!/^[+-]?\d+$/.test(t)) throw new PickleError(`invalid integer literal ${JSON.stringify(t.slice(0, 40))}`, at);
  return safeOrBig(BigInt(t));
}

/** Two's-complement little-endian bytes to an int, in time linear in their length (via hex). */
function littleEndianInt(bytes: Buffer, at: number): number | bigint {
  if (bytes.length === 0) return 0;
  if (bytes.length > MAX_INT_BYTES) {
    throw new PickleError(`integer of ${bytes.length} bytes exceeds ${MAX_INT_BYTES} bytes (about Python's ${MAX_INT_DIGITS}-digit int/str limit)`, at);
  }
  let v = BigInt('0x' + Buffer.from(bytes).reverse().toString('hex'));
  if (bytes[bytes.length - 1]! & 0x80) v -= 1n << BigInt(bytes.length * 8);
  return safeOrBig(v);
}

/** Python's raw-unicode-escape, as protocol-0 `UNICODE` uses it. */
function rawUnicodeEscape(text: string): string {
  return text.replace(/\\u([0-9a-fA-F]{4})|\\U([0-9a-fA-F]{8})/g, (_, a: string | undefined, b: string | undefined) =>
    String.fromCodePoint(parseInt((a ?? b)!, 16)));
}

/** A dict: a null-prototype object when every key is a string (no prototype to pollute), else a Map. */
function makeDict(pairs: Value[], at: number): Value {
  if (pairs.length % 2 !== 0) throw new PickleError('odd number of items for a dict', at);
  const stringKeys = pairs.every((v, i) => i % 2 === 1 || typeof v === 'string');
  if (stringKeys) {
    const obj: Record<string, Value> = Object.create(null) as Record<string, Value>;
    for (let i = 0; i < pairs.length; i += 2) obj[pairs[i] as string] = pairs[i + 1];
    return obj;
  }
  const map = new Map<Value, Value>();
  for (let i = 0; i < pairs.length; i += 2) map.set(pairs[i], pairs[i + 1]);
  return map;
}

/**
 * Copy the decoded graph into a fresh tree: memo references may share or even cycle through
 * containers; a record must be a finite tree. Counts values against the budget.
 */
interface Budget { values: number; chars: number }

function toTree(value: Value, depth: number, limits: Required<PickleLimits>, budget: Budget, path: Set<object>): Value {
  if (--budget.values < 0) throw new PickleError(`too many values (more than ${limits.maxValues})`, -1);
  if (typeof value === 'string' || value instanceof Uint8Array) {
    budget.chars -= value.length;
    if (budget.chars < 0) throw new PickleError(`more than ${limits.maxTextChars} characters of text once memo references are expanded`, -1);
    return value;
  }
  if (value === null || typeof value !== 'object') return value;
  if (depth > limits.maxDepth) throw new PickleError(`nesting deeper than ${limits.maxDepth} levels`, -1);
  if (path.has(value)) throw new PickleError('a container contains itself (cyclic reference)', -1);
  path.add(value);
  let out: Value;
  if (Array.isArray(value)) out = value.map((v) => toTree(v, depth + 1, limits, budget, path));
  else if (value instanceof Map) out = new Map([...value].map(([k, v]) => [k, toTree(v, depth + 1, limits, budget, path)]));
  else if (value instanceof Set) out = new Set([...value].map((v) => toTree(v, depth + 1, limits, budget, path)));
  else {
    const obj: Record<string, Value> = Object.create(null) as Record<string, Value>;
    for (const k of Object.keys(value)) obj[k] = toTree((value as Record<string, Value>)[k], depth + 1, limits, budget, path);
    out = obj;
  }
  path.delete(value);
  return out;
}

/**
 * Decode one pickle made only of data opcodes (protocols 0–5): None, bools, ints, floats,
 * str, bytes, tuples and lists (as arrays), dicts (string keys → null-prototype objects, other
 * keys → Map), sets. Anything else throws {@link PickleError} naming the opcode and offset.
 * @example
 * decodePickle(Buffer.from('}q\x00X\x04\x00\x00\x00nameq\x01X\x02\x00\x00\x00RTq\x02s.', 'latin1')) // { name: 'RT' }
 */
export function decodePickle(buf: Buffer, limits: PickleLimits = {}): Value {
  const lim: Required<PickleLimits> = {
    maxDepth: limits.maxDepth ?? 32, maxValues: limits.maxValues ?? 100_000, maxTextChars: limits.maxTextChars ?? 4 * 1024 * 1024,
  };
  const r = new Reader(buf);
  const stack: Value[] = [];
  const memo = new Map<number, Value>();
  let ops = 0;
  const pop = (at: number): Value => {
    if (stack.length === 0 || stack[stack.length - 1] === MARK) throw new PickleError('stack underflow', at);
    return stack.pop();
  };
  const popMark = (at: number): Value[] => {
    const m = stack.lastIndexOf(MARK);
    if (m < 0) throw new PickleError('MARK expected but not found', at);
    const items = stack.splice(m);
    items.shift();
    return items;
  };
  const top = (at: number): Value => {
    const v = stack[stack.length - 1];
    if (stack.length === 0 || v === MARK) throw new PickleError('stack underflow', at);
    return v;
  };
  const put = (key: number, at: number) => {
    if (memo.size >= lim.maxValues) throw new PickleError('memo too large', at);
    memo.set(key, top(at));
  };
  const get = (key: number, at: number) => {
    if (!memo.has(key)) throw new PickleError(`memo key ${key} was never stored`, at);
    stack.push(memo.get(key));
  };
  const setItems = (target: Value, pairs: Value[], at: number) => {
    if (pairs.length % 2 !== 0) throw new PickleError('odd number of items for SETITEMS', at);
    for (let i = 0; i < pairs.length; i += 2) {
      const k = pairs[i];
      if (target instanceof Map) target.set(k, pairs[i + 1]);
      else if (target !== null && typeof target === 'object' && !Array.isArray(target) && typeof k === 'string') {
        (target as Record<string, Value>)[k] = pairs[i + 1];
      } else throw new PickleError('SETITEM on a value that is not a dict, or a non-string key', at);
    }
  };
  for (;;) {
    const at = r.pos;
    if (++ops > lim.maxValues * 4) throw new PickleError('too many opcodes', at);
    const op = r.u8();
    const forbidden = FORBIDDEN[op];
    if (forbidden !== undefined) {
      throw new PickleError(`opcode ${forbidden} (0x${op.toString(16)}) is not allowed: a log record frame may only hold plain data`, at);
    }
    switch (op) {
      case 0x2e: { // STOP
        if (stack.length !== 1) throw new PickleError('STOP with a malformed stack', at);
        if (r.pos !== buf.length) throw new PickleError('trailing bytes after STOP', r.pos);
        return toTree(stack[0], 0, lim, { values: lim.maxValues, chars: lim.maxTextChars }, new Set());
      }
      case 0x80: { const v = r.u8(); if (v > 5) throw new PickleError(`unsupported pickle protocol ${v}`, at); break; } // PROTO
      case 0x95: r.bytes(8); break; // FRAME: length only, the data follows inline
      case 0x28: stack.push(MARK); break; // MARK
      case 0x30: pop(at); break; // POP
      case 0x31: popMark(at); break; // POP_MARK
      case 0x32: stack.push(top(at)); break; // DUP
      case 0x4e: stack.push(null); break; // NONE
      case 0x88: stack.push(true); break; // NEWTRUE
      case 0x89: stack.push(false); break; // NEWFALSE
      case 0x49: { // INT (text); protocol 0/1 spell booleans I01 / I00
        const t = r.line();
        stack.push(t === '01' ? true : t === '00' ? false : parseIntText(t, at));
        break;
      }
      case 0x4c: stack.push(parseIntText(r.line(), at)); break; // LONG (text)
      case 0x4a: stack.push(r.i32()); break; // BININT
      case 0x4b: stack.push(r.u8()); break; // BININT1
      case 0x4d: stack.push(r.u16()); break; // BININT2
      case 0x8a: stack.push(littleEndianInt(r.bytes(r.u8()), at)); break; // LONG1
      case 0x8b: { const n = r.i32(); stack.push(littleEndianInt(r.bytes(n), at)); break; } // LONG4
      case 0x46: { // FLOAT (text)
        const t = r.line();
        const x = Number(t);
        if (t.trim() === '' || Number.isNaN(x) && !/^[+-]?nan$/i.test(t)) throw new PickleError('invalid float literal', at);
        stack.push(x);
        break;
      }
      case 0x47: { r.need(8); stack.push(buf.readDoubleBE(r.pos)); r.pos += 8; break; } // BINFLOAT
      case 0x58: { const n = r.u32(); stack.push(r.bytes(n).toString('utf8')); break; } // BINUNICODE
      case 0x8c: { const n = r.u8(); stack.push(r.bytes(n).toString('utf8')); break; } // SHORT_BINUNICODE
      case 0x8d: { const n = r.u32(); r.u32(); stack.push(r.bytes(n).toString('utf8')); break; } // BINUNICODE8 (<4 GiB)
      case 0x56: stack.push(rawUnicodeEscape(r.line())); break; // UNICODE (text)
      case 0x54: { const n = r.i32(); stack.push(r.bytes(n).toString('latin1')); break; } // BINSTRING (py2 str)
      case 0x55: { const n = r.u8(); stack.push(r.bytes(n).toString('latin1')); break; } // SHORT_BINSTRING
      case 0x42: { const n = r.u32(); stack.push(Uint8Array.from(r.bytes(n))); break; } // BINBYTES
      case 0x43: { const n = r.u8(); stack.push(Uint8Array.from(r.bytes(n))); break; } // SHORT_BINBYTES
      case 0x29: stack.push([]); break; // EMPTY_TUPLE
      case 0x74: stack.push(popMark(at)); break; // TUPLE
      case 0x85: stack.push([pop(at)]); break; // TUPLE1
      case 0x86: { const b = pop(at); stack.push([pop(at), b]); break; } // TUPLE2
      case 0x87: { const c = pop(at); const b = pop(at); stack.push([pop(at), b, c]); break; } // TUPLE3
      case 0x5d: stack.push([]); break; // EMPTY_LIST
      case 0x6c: stack.push(popMark(at)); break; // LIST
      case 0x61: { // APPEND
        const v = pop(at);
        const list = top(at);
        if (!Array.isArray(list)) throw new PickleError('APPEND to a value that is not a list', at);
        list.push(v);
        break;
      }
      case 0x65: { // APPENDS
        const items = popMark(at);
        const list = top(at);
        if (!Array.isArray(list)) throw new PickleError('APPENDS to a value that is not a list', at);
        for (const item of items) list.push(item); // no spread: 100 000 arguments overflow the call stack
        break;
      }
      case 0x7d: stack.push(Object.create(null)); break; // EMPTY_DICT
      case 0x64: stack.push(makeDict(popMark(at), at)); break; // DICT
      case 0x73: { const v = pop(at); const k = pop(at); setItems(top(at), [k, v], at); break; } // SETITEM
      case 0x75: { const items = popMark(at); setItems(top(at), items, at); break; } // SETITEMS
      case 0x8f: stack.push(new Set()); break; // EMPTY_SET
      case 0x90: { // ADDITEMS
        const items = popMark(at);
        const set = top(at);
        if (!(set instanceof Set)) throw new PickleError('ADDITEMS to a value that is not a set', at);
        for (const v of items) set.add(v);
        break;
      }
      case 0x91: stack.push(new Set(popMark(at))); break; // FROZENSET
      case 0x70: put(Number(parseIntText(r.line(), at)), at); break; // PUT
      case 0x71: put(r.u8(), at); break; // BINPUT
      case 0x72: put(r.u32(), at); break; // LONG_BINPUT
      case 0x94: put(memo.size, at); break; // MEMOIZE
      case 0x67: get(Number(parseIntText(r.line(), at)), at); break; // GET
      case 0x68: get(r.u8(), at); break; // BINGET
      case 0x6a: get(r.u32(), at); break; // LONG_BINGET
      default:
        throw new PickleError(`unknown or unsupported opcode 0x${op.toString(16).padStart(2, '0')}: this is not a pickled log record`, at);
    }
  }
}
