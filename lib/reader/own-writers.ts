import { resolve } from 'node:path';
import { manager } from '../core/manager.js';
import { FileHandler } from '../handlers/file.js';

/**
 * Write out what this process's own file handlers hold for `file`, so that reading a log just
 * written finds every line: file handlers batch lines until the end of the event-loop turn (the
 * file itself is created then). Handlers attached to any logger count, rotating ones included;
 * a handler nobody attached is not known here.
 * @example getRtLogger().info('saved'); flushOwnWriters('logs/run.log'); // 'saved' is on disk
 */
export function flushOwnWriters(file: string): void {
  const path = resolve(file);
  for (const logger of manager.loggers()) {
    for (const handler of logger.handlers) {
      if (handler instanceof FileHandler && handler.baseFilename === path) handler.flush();
    }
  }
}
