import { lineText } from '../reader/line-cap.js';

/**
 * Splits bytes arriving in pieces (a followed file, read a chunk at a time) into lines, keeping
 * at most `cap` bytes of a line however long it grows before its newline: memory stays bounded
 * and every byte is copied a bounded number of times. A line not yet ended waits for the next
 * piece.
 * @example
 * const lines = new ForwardLines(1 << 20, 0);
 * lines.push(Buffer.from('a\nb'), (text, offset) => console.log(offset, text)); // 0 'a'; 'b' waits for its newline
 */
export class ForwardLines {
  readonly #cap: number;
  /** File offset of the current line's first byte. */
  #lineStart: number;
  /** The start of the current line, up to `cap` bytes (and a few more to cut between characters). */
  #pieces: Buffer[] = [];
  #kept = 0;
  /** Bytes of the current line beyond what is kept. */
  #dropped = 0;

  constructor(cap: number, offset: number) {
    this.#cap = cap;
    this.#lineStart = offset;
  }

  /** Feed the next bytes of the file; `onLine` gets each line they end, its offset and its length in bytes. */
  push(data: Buffer, onLine: (text: string, offset: number, bytes: number) => void): void {
    let start = 0;
    for (;;) {
      const end = data.indexOf(0x0a, start);
      if (end < 0) break;
      const head = data.subarray(start, end);
      const total = this.#kept + this.#dropped + head.length;
      const bytes = this.#pieces.length === 0 ? head : Buffer.concat([...this.#pieces, head], Math.min(this.#kept + head.length, this.#cap + 4));
      const offset = this.#lineStart;
      this.#pieces = [];
      this.#kept = this.#dropped = 0;
      this.#lineStart += total + 1;
      onLine(lineText(bytes, total, this.#cap), offset, total);
      start = end + 1;
    }
    if (start < data.length) this.#hold(data.subarray(start));
  }

  /** Start over at `offset` (the file was replaced or truncated), forgetting a line begun. */
  reset(offset: number): void {
    this.#pieces = [];
    this.#kept = this.#dropped = 0;
    this.#lineStart = offset;
  }

  #hold(rest: Buffer): void {
    const room = Math.max(0, this.#cap + 4 - this.#kept);
    const taken = rest.subarray(0, room);
    if (taken.length > 0) {
      this.#pieces.push(Buffer.from(taken));
      this.#kept += taken.length;
    }
    this.#dropped += rest.length - taken.length;
  }
}
