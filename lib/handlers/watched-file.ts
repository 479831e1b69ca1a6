import type { FileHandlerOptions } from './file.js';
import { FileHandler } from './file.js';

/**
 * Python's `WatchedFileHandler`, for files that an external tool (logrotate, an operator)
 * moves or deletes: before each batch is written, the path is checked, and if it no longer
 * names the open file, the file is reopened (created afresh) and writing continues there.
 * The check costs one `stat` per batch, not per record; records queued in the same event-loop
 * turn as the move land in the new file.
 * @example
 * // with logrotate's default (create) mode
 * getRtLogger().addHandler(new WatchedFileHandler('/var/log/myapp/app.log'));
 */
export class WatchedFileHandler extends FileHandler {
  constructor(filename: string, options: Omit<FileHandlerOptions, 'reopenIfMoved'> = {}) {
    super(filename, { ...options, reopenIfMoved: true });
  }
}
