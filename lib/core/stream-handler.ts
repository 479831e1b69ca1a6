import { Handler } from './handler.js';
import type { Level } from './levels.js';
import type { LogRecord } from './record.js';

/** Anything with a `write(text)`: `process.stderr`, a socket, a `Writable`, a test buffer. */
export interface TextStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

/**
 * Writes each formatted record plus a terminator to a stream, stderr by default (as Python's
 * `StreamHandler`). On Linux, writes to stderr/stdout that are files, pipes or terminals are
 * synchronous in Node, so a line written here is not lost on `process.exit()`.
 * @example getRtLogger().addHandler(new StreamHandler(process.stdout));
 */
export class StreamHandler extends Handler {
  stream: TextStream;
  /** Appended after each record, as Python's `StreamHandler.terminator`. */
  terminator = '\n';

  constructor(stream: TextStream = process.stderr, level?: Level) {
    super(level);
    this.stream = stream;
  }

  emit(record: LogRecord): void {
    this.stream.write(this.format(record) + this.terminator);
  }

  /** Swap the stream, returning the old one (Python's `setStream`). */
  setStream(stream: TextStream): TextStream {
    const old = this.stream;
    this.stream = stream;
    return old;
  }
}
