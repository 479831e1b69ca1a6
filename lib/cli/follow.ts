import { open, stat } from 'node:fs/promises';
import { parseLine, type LogEntry } from '../reader/parse-entry.js';

/** What `follow` reports: each new record, and each line that is not one (traceback lines). */
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
      let start = 0;
      while (start < whole) {
        const end = buffer.indexOf(0x0a, start);
        const line = buffer.toString('utf8', start, end > start && buffer[end - 1] === 0x0d ? end - 1 : end);
        const entry = parseLine(line, position + start);
        if (entry !== undefined) callbacks.onEntry(entry);
        else callbacks.onOtherLine(line);
        start = end + 1;
      }
      position += whole;
    } finally {
      await handle.close();
    }
  }
}
