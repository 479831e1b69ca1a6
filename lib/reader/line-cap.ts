/**
 * The bound on what a reader keeps of one record: a line longer than this keeps its first
 * `MAX_RECORD_BYTES` bytes and a note of what was cut, and the header-less lines under a record
 * (a traceback) are kept up to as much again. 1 MiB holds any traceback a program prints and
 * keeps a reader of a hostile file (one endless line, millions of header-less lines) within a
 * few MiB of memory. `readLogs`' `maxRecordBytes` and `readLinesBackward`'s `maxLineBytes` change it.
 * @example await readLogs('run.log', { maxRecordBytes: 4 * MAX_RECORD_BYTES }); // keep 4 MiB per record
 */
export const MAX_RECORD_BYTES = 1024 * 1024;

/**
 * The text of a line from its bytes, at most `cap` of them: a longer line is cut at the last
 * whole UTF-8 character before `cap` and says so, with its full size. A final `\r` is removed.
 * @example lineText(Buffer.from('abc\r'), 3, 10) // 'abc'
 */
export function lineText(bytes: Buffer, total: number, cap: number): string {
  if (total <= cap) {
    const end = bytes.length > 0 && bytes[bytes.length - 1] === 0x0d ? bytes.length - 1 : bytes.length;
    return bytes.toString('utf8', 0, end);
  }
  let end = Math.min(cap, bytes.length);
  // Step back over continuation bytes (10xxxxxx) so that the cut falls between characters.
  while (end > 0 && end < bytes.length && (bytes[end]! & 0xc0) === 0x80) end--;
  return `${bytes.toString('utf8', 0, end)}${cutNote(total, end)}`;
}

/** The note that ends a line cut to the cap. */
function cutNote(total: number, kept: number): string {
  return ` … [line cut: ${total} bytes, the first ${kept} kept]`;
}

/**
 * The note at the end of a line `lineText` cut, or undefined for a whole line.
 * @example cutNoteOf('{"a": … [line cut: 3000000 bytes, the first 1048576 kept]') // ' … [line cut: 3000000 bytes, the first 1048576 kept]'
 */
export function cutNoteOf(line: string): string | undefined {
  return / … \[line cut: \d+ bytes, the first \d+ kept\]$/.exec(line)?.[0];
}

/**
 * The note that stands for the header-less lines a record could not keep.
 * @example omittedNote(3, 2_000_000) // '… [3 lines (2000000 bytes) not kept: a record keeps 1048576 bytes of traceback]'
 */
export function omittedNote(lines: number, bytes: number, cap = MAX_RECORD_BYTES): string {
  return `… [${lines} line${lines === 1 ? '' : 's'} (${bytes} bytes) not kept: a record keeps ${cap} bytes of traceback]`;
}
