/**
 * Reads the `repr()` of simple Python data — what `HTTPHandler` sends for a record's `args` —
 * back into JS values: str, int, float, None, True/False, tuples and lists (arrays), dicts.
 * Anything else (object reprs like `<Foo at 0x…>`, sets, bytes) gives `undefined`, and the
 * caller keeps the text. Never evaluates anything.
 */

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', v: '\v', '0': '\0' };
const MAX_DEPTH = 32;

class Parser {
  i = 0;
  constructor(readonly s: string) {}
  ws(): void {
    while (this.s[this.i] === ' ') this.i++;
  }
  value(depth: number): unknown {
    if (depth > MAX_DEPTH) throw new Error('too deep');
    this.ws();
    const c = this.s[this.i];
    if (c === "'" || c === '"') return this.string(c);
    if (c === '(') return this.sequence(')', depth);
    if (c === '[') return this.sequence(']', depth);
    if (c === '{') return this.dict(depth);
    const m = /^(None|True|False|-?inf|nan|-?\d+(?:\.\d*)?(?:e[+-]?\d+)?)/.exec(this.s.slice(this.i));
    if (m === null) throw new Error('not a literal');
    this.i += m[0].length;
    const t = m[1]!;
    if (t === 'None') return null;
    if (t === 'True' || t === 'False') return t === 'True';
    if (t.endsWith('inf')) return t.startsWith('-') ? -Infinity : Infinity;
    if (t === 'nan') return NaN;
    if (/^-?\d+$/.test(t)) {
      const big = BigInt(t);
      return big <= BigInt(Number.MAX_SAFE_INTEGER) && big >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(big) : big;
    }
    return Number(t);
  }
  string(quote: string): string {
    let out = '';
    for (this.i++; this.i < this.s.length; this.i++) {
      const c = this.s[this.i]!;
      if (c === quote) {
        this.i++;
        return out;
      }
      if (c !== '\\') {
        out += c;
        continue;
      }
      const e = this.s[++this.i]!;
      const hex = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0;
      if (hex > 0) {
        const digits = this.s.slice(this.i + 1, this.i + 1 + hex);
        if (!/^[0-9a-fA-F]+$/.test(digits) || digits.length !== hex) throw new Error('bad escape');
        out += String.fromCodePoint(parseInt(digits, 16));
        this.i += hex;
      } else if (e in ESCAPES) out += ESCAPES[e];
      else out += '\\' + e;
    }
    throw new Error('unterminated string');
  }
  sequence(close: string, depth: number): unknown[] {
    const out: unknown[] = [];
    this.i++;
    for (;;) {
      this.ws();
      if (this.s[this.i] === close) {
        this.i++;
        return out;
      }
      out.push(this.value(depth + 1));
      this.ws();
      if (this.s[this.i] === ',') this.i++;
      else if (this.s[this.i] !== close) throw new Error('expected , or close');
    }
  }
  dict(depth: number): Record<string, unknown> | Map<unknown, unknown> {
    const pairs: Array<[unknown, unknown]> = [];
    this.i++;
    for (;;) {
      this.ws();
      if (this.s[this.i] === '}') {
        this.i++;
        break;
      }
      const k = this.value(depth + 1);
      this.ws();
      if (this.s[this.i++] !== ':') throw new Error('expected :');
      pairs.push([k, this.value(depth + 1)]);
      this.ws();
      if (this.s[this.i] === ',') this.i++;
      else if (this.s[this.i] !== '}') throw new Error('expected , or }');
    }
    if (pairs.every(([k]) => typeof k === 'string')) {
      const obj = Object.create(null) as Record<string, unknown>;
      for (const [k, v] of pairs) obj[k as string] = v;
      return obj;
    }
    return new Map(pairs);
  }
}

/**
 * @example parsePythonLiteral("('doc.txt', 3, None)") // ['doc.txt', 3, null]
 * @example parsePythonLiteral('<object at 0x7f>')      // undefined
 */
export function parsePythonLiteral(text: string): unknown {
  try {
    const p = new Parser(text);
    const v = p.value(0);
    p.ws();
    return p.i === text.length ? v : undefined;
  } catch {
    return undefined;
  }
}
