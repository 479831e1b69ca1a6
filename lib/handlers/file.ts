import { resolve } from 'node:path';
import { Handler } from '../core/handler.js';
import type { Level } from '../core/levels.js';
import type { LogRecord } from '../core/record.js';
import { BatchedFileWriter } from './batched-file-writer.js';

export interface FileHandlerOptions {
  /** `'a'` (default) appends; `'w'` truncates when the file is first opened. */
  mode?: 'a' | 'w';
  level?: Level;
  /**
   * Write through on every record instead of batching within an event-loop turn. Default:
   * false on the main thread; true inside a worker thread (see BatchedFileWriterOptions.sync).
   */
  sync?: boolean;
  /**
   * Bytes kept in memory while the file cannot be written (full disk, missing directory);
   * records beyond that are dropped and their number reported on recovery. Default 8 MiB.
   */
  maxRetainedBytes?: number;
  /** Reopen the file when an external tool moves or deletes it (what WatchedFileHandler sets). */
  reopenIfMoved?: boolean;
}

/**
 * Appends formatted records to a file, as Python's `FileHandler`. The file (and its
 * directory) is created on the first record. Writes are batched per event-loop turn and
 * flushed on exit, crash, SIGTERM and SIGINT, so a line logged is a line on disk.
 * A failing disk never throws into the logging call: the failure is reported once per outage
 * through `handleError` and the handler recovers by itself when the path is writable again.
 * @example getRtLogger().addHandler(new FileHandler('logs/run.log', { level: 'INFO' }));
 */
export class FileHandler extends Handler {
  readonly baseFilename: string;
  terminator = '\n';
  protected writer: BatchedFileWriter;
  readonly #options: FileHandlerOptions;

  constructor(filename: string, options: FileHandlerOptions = {}) {
    super(options.level);
    if (typeof filename !== 'string' || filename === '') {
      throw new TypeError(`FileHandler needs a file path as a non-empty string, got ${String(filename)}`);
    }
    if (options.mode !== undefined && options.mode !== 'a' && options.mode !== 'w') {
      throw new RangeError(`FileHandler mode must be 'a' (append) or 'w' (truncate), got '${String(options.mode)}'`);
    }
    this.baseFilename = resolve(filename);
    this.#options = options;
    this.writer = this.#openWriter(options.mode ?? 'a');
  }

  #openWriter(flags: 'a' | 'w'): BatchedFileWriter {
    const options = this.#options;
    const writer = new BatchedFileWriter(this.baseFilename, {
      flags,
      // Left undefined, the writer picks: batched on the main thread, write-through in a worker.
      ...(options.sync !== undefined ? { sync: options.sync } : {}),
      reopenIfMoved: options.reopenIfMoved ?? false,
      ...(options.maxRetainedBytes !== undefined ? { maxRetainedBytes: options.maxRetainedBytes } : {}),
    });
    writer.events = {
      onError: (err) => this.reportFailure(`writing to ${this.baseFilename}`, err),
      onRecover: (dropped) => {
        if (dropped === 0) return;
        const note = new Error(`${dropped} record(s) were dropped while ${this.baseFilename} was unwritable; writing again`);
        this.reportFailure(`writing to ${this.baseFilename}`, note);
      },
      onLoss: (dropped, unwrittenBytes) => {
        const note = new Error(
          `${this.baseFilename} stayed unwritable to the end: ${dropped} record(s) were dropped and ${unwrittenBytes} byte(s) held in memory were never written`,
        );
        this.reportFailure(`writing to ${this.baseFilename}`, note);
      },
    };
    return writer;
  }

  /**
   * As Python's FileHandler, a record that reaches a closed handler opens the file again
   * (appending, so `mode: 'w'` never wipes what was written before the close).
   */
  override handle(record: LogRecord): boolean {
    if (this.closed && record.levelno >= this.level) {
      this.writer = this.#openWriter('a');
      this.closed = false;
    }
    return super.handle(record);
  }

  emit(record: LogRecord): void {
    this.writer.write(this.format(record) + this.terminator);
  }

  /** Write everything buffered now (synchronously). */
  override flush(): void {
    this.writer.flushSync();
  }

  override close(): void {
    if (this.closed) return;
    this.closed = true;
    this.writer.close();
  }
}


