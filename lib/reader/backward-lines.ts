import { open } from 'node:fs/promises';

/** One line of a file, read from the end. */
export interface BackwardLine {
  text: string;
  /** Byte offset of the line's first byte in the file. */
  offset: number;
}

export interface BackwardLinesOptions {
  /** Bytes read per step. Default 64 KiB. */
  chunkSize?: number;
  /** Start reading at this byte offset instead of the end (a line ending there is complete). */
  end?: number;
  /** Called after each chunk with the bytes scanned so far and the bytes to scan in all. */
  onProgress?: (scanned: number, total: number) => void;
}

/**
 * The lines of a file, last first, read backwards in fixed-size chunks: memory holds one
 * chunk plus the current line, whatever the file's size, and the first lines come back
 * after one read. Lines are split on `\n` bytes, which never occur inside a UTF-8 sequence,
 * so each line decodes on its own; a final `\r` is removed.
 * @example
 * for await (const { text } of readLinesBackward('logs/run.log')) { console.log(text); break; }
 */
export async function* readLinesBackward(path: string, options: BackwardLinesOptions = {}): AsyncGenerator<BackwardLine> {
  const chunkSize = options.chunkSize ?? 64 * 1024;
  const file = await open(path, 'r');
  try {
    const size = (await file.stat()).size;
    const end = Math.min(options.end ?? size, size);
    let position = end;
    // Bytes of a line that started before the current chunk, carried to the next step.
    let carry: Buffer = Buffer.alloc(0);
    const chunk = Buffer.allocUnsafe(chunkSize);
    while (position > 0) {
      const length = Math.min(chunkSize, position);
      position -= length;
      const { bytesRead } = await file.read(chunk, 0, length, position);
      const data = carry.length === 0 ? chunk.subarray(0, bytesRead) : Buffer.concat([chunk.subarray(0, bytesRead), carry]);
      let lineEnd = data.length;
      for (let i = data.length - 1; i >= 0; i--) {
        if (data[i] !== 0x0a) continue;
        // The file's final newline ends the last line; it does not start an empty one.
        if (position + i !== end - 1) {
          yield { text: decode(data, i + 1, lineEnd), offset: position + i + 1 };
        }
        lineEnd = i;
      }
      carry = Buffer.from(data.subarray(0, lineEnd));
      options.onProgress?.(end - position, end);
    }
    if (carry.length > 0) yield { text: decode(carry, 0, carry.length), offset: 0 };
  } finally {
    await file.close();
  }
}

function decode(data: Buffer, start: number, end: number): string {
  if (end > start && data[end - 1] === 0x0d) end--;
  return data.toString('utf8', start, end);
}
