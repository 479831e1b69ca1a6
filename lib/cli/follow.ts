import { open, stat } from 'node:fs/promises';
import { attachContinuation, parseLine, type LogEntry } from '../reader/parse-entry.js';

/**
 * What `follow` reports: each new record (a text record with the traceback lines that arrived
 * with it), and each line that belongs to no record read here (the rest of a traceback whose
 * record was read in an earlier poll, or a foreign line).
 */
export interface FollowCallbacks {
  onEntry(entry: LogEntry): void;
  onOtherLine(line: string): void;
}

/**
 * Watch `file` from byte `from` on and report each new complete line, like `tail -f`: polls
 * every `intervalMs`, reads only up to the last newline (a line being written is read once
 * it is whole), starts over when the file shrinks or is replaced (rotation). Resolves when
 * `signal` aborts.
 * @example
 * await follow('run.log', size, { onEntry: (e) => console.log(e.message), onOtherLine: console.log }, AbortSignal.timeout(5000));
 */
export async function follow(file: string, from: number, callbacks: FollowCallbacks, signal: AbortSignal, intervalMs = 200): Promise<void> {
  let position = from;
  let inode = (await stat(file).catch(() => undefined))?.ino;
  while (!signal.aborted) {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, intervalMs);
      signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
    });
    const st = await stat(file).catch(() => undefined);
    if (st === undefined) continue;
    if (st.ino !== inode || st.size < position) {
      inode = st.ino;
      position = 0;
    }
    if (st.size === position) continue;
    const handle = await open(file, 'r');
    try {
      const buffer = Buffer.alloc(st.size - position);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
      const whole = buffer.lastIndexOf(0x0a, bytesRead - 1) + 1;
      // A record is reported once the next record (or the end of what was written) shows that
      // its traceback lines are complete, so a filter sees the whole record.
      let held: LogEntry | undefined;
      let tail: string[] = [];
      const release = () => {
        if (held === undefined) return;
        const joined = attachContinuation(held, tail);
        callbacks.onEntry(held);
        if (!joined) for (const line of tail) callbacks.onOtherLine(line);
        held = undefined;
        tail = [];
      };
      let start = 0;
      while (start < whole) {
        const end = buffer.indexOf(0x0a, start);
        const line = buffer.toString('utf8', start, end > start && buffer[end - 1] === 0x0d ? end - 1 : end);
        const entry = parseLine(line, position + start);
        if (entry !== undefined) {
          release();
          held = entry;
        } else if (held !== undefined) {
          tail.push(line);
        } else {
          callbacks.onOtherLine(line);
        }
        start = end + 1;
      }
      release();
      position += whole;
    } finally {
      await handle.close();
    }
  }
}
