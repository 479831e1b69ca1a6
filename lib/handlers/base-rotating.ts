import { renameSync, rmSync } from 'node:fs';
import type { LogRecord } from '../core/record.js';
import { FileHandler, type FileHandlerOptions } from './file.js';

/**
 * What rotating handlers share, as Python's `BaseRotatingHandler`: before each record is
 * queued, ask whether the file must roll over; if so, write out what is queued, close the
 * file, move it aside and continue in a fresh file. Everything runs synchronously on the
 * logging thread, so no record can slip between the check and the move: none is lost,
 * duplicated, torn or reordered across files.
 * A rename that fails (permissions, a vanished file) is reported through `handleError` and
 * logging carries on in the current file.
 * @example
 * class EveryHundred extends BaseRotatingHandler {
 *   #n = 0;
 *   protected shouldRollover() { return ++this.#n % 100 === 0; }
 *   protected doRollover() { this.moveFile(this.baseFilename, this.baseFilename + '.old'); }
 * }
 */
export abstract class BaseRotatingHandler extends FileHandler {
  constructor(filename: string, options: FileHandlerOptions = {}) {
    super(filename, options);
  }

  override emit(record: LogRecord): void {
    const line = this.format(record) + this.terminator;
    if (this.shouldRollover(line, record)) {
      this.writer.reopen();
      this.doRollover();
    }
    this.writer.write(line);
    this.written(line);
  }

  /** Whether `line` must go to a fresh file. */
  protected abstract shouldRollover(line: string, record: LogRecord): boolean;

  /** Move the current file aside; the writer is flushed and closed when this runs. */
  protected abstract doRollover(): void;

  /** Called after `line` was queued, for handlers that keep count. */
  protected written(_line: string): void {}

  /** Rename `from` to `to` (replacing it); a failure is reported, not thrown. */
  protected moveFile(from: string, to: string): boolean {
    try {
      renameSync(from, to);
      return true;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') this.reportFailure(`writing to ${this.baseFilename}`, err);
      return false;
    }
  }

  /** Delete an old backup; a failure is reported, not thrown. */
  protected removeFile(path: string): void {
    try {
      rmSync(path, { force: true });
    } catch (err) {
      this.reportFailure(`writing to ${this.baseFilename}`, err);
    }
  }
}
