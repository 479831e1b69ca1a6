import { resolve } from 'node:path';
import { Handler } from '../handler.js';
import type { Level } from '../levels.js';
import type { LogRecord } from '../record.js';
import { BatchedFileWriter } from './batched-file-writer.js';

export interface FileHandlerOptions {
  /** `'a'` (default) appends; `'w'` truncates when the file is first opened. */
  mode?: 'a' | 'w';
  level?: Level;
  /** Write through on every record instead of batching within an event-loop turn. */
  sync?: boolean;
}

/**
 * Appends formatted records to a file, as Python's `FileHandler`. The file is created on the
 * first record; writes are batched per event-loop turn and flushed on process exit, so a
 * `process.exit()` or an uncaught exception right after logging loses nothing.
 * @example getRtLogger().addHandler(new FileHandler('logs/run.log', { level: 'INFO' }));
 */
export class FileHandler extends Handler {
  readonly baseFilename: string;
  terminator = '\n';
  protected writer: BatchedFileWriter;

  constructor(filename: string, options: FileHandlerOptions = {}) {
    super(options.level);
    this.baseFilename = resolve(filename);
    this.writer = new BatchedFileWriter(this.baseFilename, { flags: options.mode ?? 'a', sync: options.sync ?? false });
    this.writer.onError = (err) => this.handleError(deferredFailure(this.baseFilename), err);
  }

  emit(record: LogRecord): void {
    this.writer.write(this.format(record) + this.terminator);
  }

  override flush(): void {
    try {
      this.writer.flushSync();
    } catch (err) {
      this.handleError(deferredFailure(this.baseFilename), err);
    }
  }

  override close(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      this.writer.close();
    } catch (err) {
      this.handleError(deferredFailure(this.baseFilename), err);
    }
  }
}

/** A stand-in record for failures that happen after the logging call returned. */
function deferredFailure(path: string): LogRecord {
  return { msg: `deferred write to ${path}`, args: null } as unknown as LogRecord;
}
