/**
 * New records of a growing log file with the byte offset just past each one, which is what a
 * Server-Sent Events id must be for a reconnecting browser to resume exactly where it stopped.
 * (The CLI's `follow` reports records but not where they end; it lives in lib/cli, above us.)
 */
import { open, stat } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { attachContinuation, parseLine, type LogEntry } from '../reader/parse-entry.js';

/**
 * What the tail reports. `end` is the offset after the record's (or line's) newline: resuming
 * from it neither repeats nor skips anything.
 */
export interface TailCallbacks {
  onRecord(entry: LogEntry, end: number): void;
  /** A line with no record of its own here: the rest of a traceback whose record went out earlier. */
  onLine(line: string, end: number): void;
  /** The file was replaced or cut short (rotation): offsets start again at 0. */
  onRestart(): void;
}

const CHUNK_BYTES = 64 * 1024;
/** A line longer than this is cut into pieces rather than held whole in memory. */
const MAX_LINE_BYTES = 1024 * 1024;

/**
 * Poll `file` every `intervalMs` from byte `from` on; resolves when `signal` aborts. A text
 * record is reported once the poll that read it is done, so the traceback lines written with it
 * are part of it. `inode` is the file's when `from` was taken: a file replaced since then is
 * read from its start.
 * @example await tailRecords('run.log', st.size, st.ino, { onRecord: (e, end) => send(e, end), onLine() {}, onRestart() {} }, signal);
 */
export async function tailRecords(file: string, from: number, inode: number, callbacks: TailCallbacks, signal: AbortSignal, intervalMs = 200): Promise<void> {
  let position = from;
  const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  while (!(await sleep(intervalMs, false, { signal }).catch(() => true))) {
    const st = await stat(file).catch(() => undefined);
    if (st === undefined) continue;
    if (st.ino !== inode || st.size < position) {
      inode = st.ino;
      position = 0;
      callbacks.onRestart();
    }
    if (st.size <= position) continue;
    const handle = await open(file, 'r').catch(() => undefined);
    if (handle === undefined) continue;
    try {
      position = await readNew(handle, position, st.size, chunk, callbacks, signal);
    } finally {
      await handle.close();
    }
  }
}

/** Report the whole lines between `position` and `size`; returns where the next poll starts. */
async function readNew(handle: Awaited<ReturnType<typeof open>>, position: number, size: number, chunk: Buffer, callbacks: TailCallbacks, signal: AbortSignal): Promise<number> {
  let held: { entry: LogEntry; tail: string[]; bytes: number; end: number } | undefined;
  const release = (): void => {
    if (held === undefined) return;
    attachContinuation(held.entry, held.tail);
    callbacks.onRecord(held.entry, held.end);
    held = undefined;
  };
  let pending: Buffer = Buffer.alloc(0);
  let pendingStart = position;
  let read = position;
  while (read < size && !signal.aborted) {
    const { bytesRead } = await handle.read(chunk, 0, Math.min(CHUNK_BYTES, size - read), read);
    if (bytesRead === 0) break;
    read += bytesRead;
    const data = pending.length === 0 ? chunk.subarray(0, bytesRead) : Buffer.concat([pending, chunk.subarray(0, bytesRead)]);
    let start = 0;
    for (let nl = data.indexOf(0x0a); nl !== -1 || data.length - start > MAX_LINE_BYTES; nl = data.indexOf(0x0a, start)) {
      const lineEnd = nl === -1 ? start + MAX_LINE_BYTES : nl;
      const text = data.toString('utf8', start, lineEnd > start && data[lineEnd - 1] === 0x0d ? lineEnd - 1 : lineEnd);
      const offset = pendingStart + start;
      const end = pendingStart + lineEnd + (nl === -1 ? 0 : 1);
      const entry = parseLine(text, offset);
      if (entry !== undefined) {
        release();
        held = { entry, tail: [], bytes: 0, end };
      } else if (held !== undefined && held.entry.format === 'text' && held.bytes < MAX_LINE_BYTES) {
        held.tail.push(text);
        held.bytes += text.length;
        held.end = end;
      } else {
        release();
        callbacks.onLine(text, end);
      }
      start = end - pendingStart;
    }
    pending = Buffer.from(data.subarray(start));
    pendingStart += start;
  }
  release();
  return pendingStart;
}
