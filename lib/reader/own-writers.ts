import { resolve } from 'node:path';
import { manager } from '../core/manager.js';
import { FileHandler } from '../handlers/file.js';

/**
 * Write out what this process's own file handlers hold for `file`, so that reading a log just
 * written finds every line: file handlers batch lines until the end of the event-loop turn (the
 * file itself is created then). Handlers attached to any logger count, rotating ones included;
 * a handler nobody attached is not known here. Returns whether one of them writes `file` (it
 * may not exist yet: a file handler creates its file with its first line).
 * @example getRtLogger().info('saved'); flushOwnWriters('logs/run.log'); // 'saved' is on disk
 */
export function flushOwnWriters(file: string): boolean {
  const path = resolve(file);
  let owned = false;
  for (const logger of manager.loggers()) {
    for (const handler of logger.handlers) {
      if (handler instanceof FileHandler && handler.baseFilename === path) {
        handler.flush();
        owned = true;
      }
    }
  }
  return owned;
}
