import { open, stat } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { MAX_RECORD_BYTES, omittedNote } from '../reader/line-cap.js';
import { flushOwnWriters } from '../reader/own-writers.js';
import { attachContinuation, parseLine, type LogEntry } from '../reader/parse-entry.js';
import { ForwardLines } from './forward-lines.js';

/**
 * What `follow` reports: each new record (a text record with the traceback lines that arrived
 * with it), and each line that belongs to no record read here (the rest of a traceback whose
 * record was read in an earlier poll, or a foreign line).
 */
export interface FollowCallbacks {
  onEntry(entry: LogEntry): void;
  onOtherLine(line: string): void;
}

export interface FollowOptions {
  /** Milliseconds between polls. Default 200. */
  intervalMs?: number;
  /** What a record keeps at most, as `readLogs`' option of that name. Default 1 MiB. */
  maxRecordBytes?: number;
}

/** Bytes read per step: a poll after a burst of writing reads it in pieces, never all at once. */
const CHUNK_BYTES = 64 * 1024;

/**
 * Watch `file` from byte `from` on and report each new complete line, like `tail -f`: polls
 * every `intervalMs`, reads what was added a chunk at a time (a line being written is reported
 * once it is whole), starts over when the file shrinks or is replaced (rotation). Memory is
 * bounded per record as in `readLogs`, whatever is written. Resolves when `signal` aborts.
 * @example
 * await follow('run.log', size, { onEntry: (e) => console.log(e.message), onOtherLine: console.log }, AbortSignal.timeout(5000));
 */
export async function follow(file: string, from: number, callbacks: FollowCallbacks, signal: AbortSignal, options: FollowOptions = {}): Promise<void> {
  const intervalMs = options.intervalMs ?? 200;
  const cap = options.maxRecordBytes ?? MAX_RECORD_BYTES;
  flushOwnWriters(file);
  let position = from;
  let inode = (await stat(file).catch(() => undefined))?.ino;
  const lines = new ForwardLines(cap, from);
  const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  const records = new RecordAssembler(callbacks, cap);
  while (!signal.aborted) {
    // The timer's abort listener is removed when it settles, so polling leaks nothing.
    const aborted = await sleep(intervalMs, false, { signal }).catch(() => true);
    if (aborted) break;
    const st = await stat(file).catch(() => undefined);
    if (st === undefined) continue;
    if (st.ino !== inode || st.size < position) {
      inode = st.ino;
      position = 0;
      lines.reset(0);
    }
    if (st.size === position) continue;
    const handle = await open(file, 'r');
    try {
      while (position < st.size) {
        const { bytesRead } = await handle.read(chunk, 0, Math.min(CHUNK_BYTES, st.size - position), position);
        if (bytesRead === 0) break;
        position += bytesRead;
        lines.push(chunk.subarray(0, bytesRead), (text, offset, bytes) => records.line(text, offset, bytes));
      }
    } finally {
      await handle.close();
    }
    // A record is reported once the next record (or the end of what was written) shows that
    // its traceback lines are complete, so a filter sees the whole record.
    records.release();
  }
}

/**
 * Where following `file` starts: just after its last newline, so that a line still being
 * written is read whole by `follow` rather than half by the first page and half after it.
 * This process's own handlers for the path are flushed first.
 * @example const from = await wholeLinesEnd('run.log'); // file size when it ends with a newline
 */
export async function wholeLinesEnd(file: string): Promise<number> {
  flushOwnWriters(file);
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
    for (let end = size; end > 0; end -= CHUNK_BYTES) {
      const start = Math.max(0, end - CHUNK_BYTES);
      const { bytesRead } = await handle.read(chunk, 0, end - start, start);
      const newline = chunk.lastIndexOf(0x0a, bytesRead - 1);
      if (newline >= 0) return start + newline + 1;
    }
    return 0;
  } finally {
    await handle.close();
  }
}

/** Groups the lines of one poll into records with their traceback lines, kept up to `cap` bytes. */
class RecordAssembler {
  readonly #callbacks: FollowCallbacks;
  readonly #cap: number;
  #held: LogEntry | undefined = undefined;
  #tail: string[] = [];
  #kept = 0;
  #omittedLines = 0;
  #omittedBytes = 0;

  constructor(callbacks: FollowCallbacks, cap: number) {
    this.#callbacks = callbacks;
    this.#cap = cap;
  }

  line(text: string, offset: number, bytes: number): void {
    const entry = parseLine(text, offset);
    if (entry !== undefined) {
      this.release();
      this.#held = entry;
    } else if (this.#held === undefined) {
      this.#callbacks.onOtherLine(text);
    } else if (this.#kept + bytes + 1 <= this.#cap) {
      this.#tail.push(text);
      this.#kept += bytes + 1;
    } else {
      this.#omittedLines++;
      this.#omittedBytes += bytes + 1;
    }
  }

  release(): void {
    const held = this.#held;
    if (held === undefined) return;
    if (this.#omittedLines > 0) this.#tail.push(omittedNote(this.#omittedLines, this.#omittedBytes, this.#cap));
    const joined = attachContinuation(held, this.#tail);
    this.#callbacks.onEntry(held);
    if (!joined) for (const line of this.#tail) this.#callbacks.onOtherLine(line);
    this.#held = undefined;
    this.#tail = [];
    this.#kept = this.#omittedLines = this.#omittedBytes = 0;
  }
}
