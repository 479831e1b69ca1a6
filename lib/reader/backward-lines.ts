import { open } from 'node:fs/promises';
import { lineText, MAX_RECORD_BYTES } from './line-cap.js';

/** One line of a file, read from the end. */
export interface BackwardLine {
  /** The line without its newline; cut (and marked) past `maxLineBytes`. */
  text: string;
  /** Byte offset of the line's first byte in the file. */
  offset: number;
  /** The line's length in the file, in bytes, without its newline. */
  bytes: number;
}

export interface BackwardLinesOptions {
  /** Bytes read per step. Default 64 KiB. */
  chunkSize?: number;
  /** Start reading at this byte offset instead of the end (a line ending there is complete). */
  end?: number;
  /** A longer line keeps its first this many bytes and a note of its size. Default 1 MiB. */
  maxLineBytes?: number;
  /** Called after each chunk with the bytes scanned so far and the bytes to scan in all. */
  onProgress?: (scanned: number, total: number) => void;
}

/**
 * The lines of a file, last first, read backwards in fixed-size chunks: memory holds one
 * chunk plus at most `maxLineBytes` of the current line whatever the file's size, each byte
 * is copied a bounded number of times (time is linear in the bytes read, however long a line
 * is), and the first lines come back after one read. Lines are split on `\n` bytes, which never
 * occur inside a UTF-8 sequence, so each line decodes on its own; a final `\r` is removed.
 * @example
 * for await (const { text } of readLinesBackward('logs/run.log')) { console.log(text); break; }
 */
export async function* readLinesBackward(path: string, options: BackwardLinesOptions = {}): AsyncGenerator<BackwardLine> {
  const chunkSize = options.chunkSize ?? 64 * 1024;
  const cap = options.maxLineBytes ?? MAX_RECORD_BYTES;
  const file = await open(path, 'r');
  try {
    const size = (await file.stat()).size;
    const end = Math.min(options.end ?? size, size);
    let position = end;
    // The part of the current line read so far (it started before the current chunk), in read
    // order: the line's last bytes first. Only the pieces nearest the line's start are kept.
    let pieces: Buffer[] = [];
    let kept = 0;
    let dropped = 0;
    const chunk = Buffer.allocUnsafe(chunkSize);
    const line = (head: Buffer, offset: number): BackwardLine => {
      const bytes = head.length + kept + dropped;
      const data = pieces.length === 0 ? head : Buffer.concat([head, ...pieces.reverse()], Math.min(head.length + kept, cap + 4));
      pieces = [];
      kept = 0;
      dropped = 0;
      return { text: lineText(data, bytes, cap), offset, bytes };
    };
    while (position > 0) {
      const length = Math.min(chunkSize, position);
      position -= length;
      const { bytesRead } = await file.read(chunk, 0, length, position);
      let lineEnd = bytesRead;
      for (let i = bytesRead - 1; i >= 0; i--) {
        if (chunk[i] !== 0x0a) continue;
        // The file's final newline ends the last line; it does not start an empty one.
        if (position + i !== end - 1) yield line(chunk.subarray(i + 1, lineEnd), position + i + 1);
        lineEnd = i;
      }
      if (lineEnd > 0) {
        pieces.push(Buffer.from(chunk.subarray(0, lineEnd)));
        kept += lineEnd;
        // Bytes beyond the first `cap` of a line are never shown: forget the pieces farthest from its start.
        while (pieces.length > 1 && kept - pieces[0]!.length >= cap) {
          const far = pieces.shift()!;
          kept -= far.length;
          dropped += far.length;
        }
      }
      options.onProgress?.(end - position, end);
    }
    if (kept > 0) yield line(Buffer.alloc(0), 0);
  } finally {
    await file.close();
  }
}
