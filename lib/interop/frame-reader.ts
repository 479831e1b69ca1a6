/**
 * Cuts a TCP byte stream into SocketHandler frames (4-byte big-endian length, then the body)
 * in time linear in the bytes received: a frame that fits in one chunk is a view of it; a frame
 * that trickles in is copied once into a buffer of its declared length (bounded by
 * `maxFrameBytes`), never re-concatenated per chunk.
 */
export class FrameReader {
  #header = Buffer.alloc(4);
  #headerFilled = 0;
  #body: Buffer | undefined;
  #bodyFilled = 0;

  constructor(readonly maxFrameBytes: number) {}

  /** Whether a frame has started and not finished. */
  get midFrame(): boolean {
    return this.#headerFilled > 0 || this.#body !== undefined;
  }

  /** How far the unfinished frame got, for error messages. */
  describeProgress(): string {
    if (this.#body === undefined) return `${this.#headerFilled} of at least 4 bytes`;
    return `${4 + this.#bodyFilled} of ${4 + this.#body.length} bytes`;
  }

  /**
   * Feed one chunk; `onFrame` gets each complete body and returns false to stop reading (the
   * connection is being closed). Throws when a length prefix exceeds `maxFrameBytes`.
   */
  push(chunk: Buffer, onFrame: (body: Buffer) => boolean): void {
    let pos = 0;
    while (pos < chunk.length) {
      if (this.#body === undefined) {
        let length: number;
        if (this.#headerFilled === 0 && chunk.length - pos >= 4) {
          length = chunk.readUInt32BE(pos);
          pos += 4;
        } else {
          const n = Math.min(4 - this.#headerFilled, chunk.length - pos);
          chunk.copy(this.#header, this.#headerFilled, pos, pos + n);
          this.#headerFilled += n;
          pos += n;
          if (this.#headerFilled < 4) return;
          this.#headerFilled = 0;
          length = this.#header.readUInt32BE(0);
        }
        if (length > this.maxFrameBytes) {
          throw new Error(`frame length ${length} exceeds maxFrameBytes (${this.maxFrameBytes}); `
            + 'the peer is not speaking the logging socket protocol, or raise maxFrameBytes');
        }
        if (chunk.length - pos >= length) {
          const body = chunk.subarray(pos, pos + length);
          pos += length;
          if (!onFrame(body)) return;
          continue;
        }
        this.#body = Buffer.allocUnsafe(length);
        this.#bodyFilled = 0;
      }
      const body: Buffer = this.#body;
      const n = Math.min(body.length - this.#bodyFilled, chunk.length - pos);
      chunk.copy(body, this.#bodyFilled, pos, pos + n);
      this.#bodyFilled += n;
      pos += n;
      if (this.#bodyFilled === body.length) {
        this.#body = undefined;
        if (!onFrame(body)) return;
      }
    }
  }
}
