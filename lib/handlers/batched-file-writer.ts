import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { registerExitFlush, unregisterExitFlush } from '../internal/exit-flush.js';

/** Bytes gathered before a write is issued at once instead of at the end of the tick. */
const HIGH_WATER = 64 * 1024;

export interface BatchedFileWriterOptions {
  /** `'a'` appends (default), `'w'` truncates on open. */
  flags?: 'a' | 'w';
  /** Write every chunk straight through (one syscall per record). */
  sync?: boolean;
}

/**
 * Appends text to a file with one `write(2)` per batch instead of one per line. Lines gather
 * in memory until 64 KiB or the end of the current event-loop turn, then go out synchronously,
 * so memory is bounded by the batch size and a line is on disk within one turn (before a
 * SIGKILL can lose it) and always before `process.exit()` completes.
 * The file (and its directory) is created on the first write, not at construction.
 * @example const w = new BatchedFileWriter('run.log'); w.write('hello\n'); w.flushSync();
 */
export class BatchedFileWriter {
  readonly path: string;
  #flags: 'a' | 'w';
  #sync: boolean;
  #fd = -1;
  #pending = '';
  #scheduled = false;
  #closed = false;

  constructor(path: string, options: BatchedFileWriterOptions = {}) {
    this.path = path;
    this.#flags = options.flags ?? 'a';
    this.#sync = options.sync ?? false;
  }

  /** Queue text; throws only if the write that this call triggers fails (caller reports it). */
  write(text: string): void {
    if (this.#closed) throw new Error(`write after close: ${this.path}`);
    this.#pending += text;
    if (this.#sync || this.#pending.length >= HIGH_WATER) {
      this.flushSync();
    } else if (!this.#scheduled) {
      this.#scheduled = true;
      setImmediate(this.#flushScheduled);
    }
  }

  #flushScheduled = (): void => {
    this.#scheduled = false;
    try {
      this.flushSync();
    } catch (err) {
      this.onError(err);
    }
  };

  /** Called when a deferred flush fails; the owning handler routes it to `handleError`. */
  onError: (error: unknown) => void = () => {};

  /** Write everything pending now. */
  flushSync(): void {
    if (this.#pending.length === 0) return;
    const fd = this.#open();
    const data = Buffer.from(this.#pending, 'utf8');
    this.#pending = '';
    let offset = 0;
    while (offset < data.length) offset += writeSync(fd, data, offset, data.length - offset);
  }

  #open(): number {
    if (this.#fd < 0) {
      mkdirSync(dirname(this.path), { recursive: true });
      this.#fd = openSync(this.path, this.#flags);
      this.#flags = 'a';
      registerExitFlush(this);
    }
    return this.#fd;
  }

  /** Flush and close the file. Idempotent. */
  close(): void {
    if (this.#closed) return;
    try {
      this.flushSync();
    } finally {
      this.#closed = true;
      unregisterExitFlush(this);
      if (this.#fd >= 0) closeSync(this.#fd);
      this.#fd = -1;
    }
  }
}
