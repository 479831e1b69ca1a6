import { Handler } from './handler.js';
import type { LogRecord } from './record.js';

/**
 * Accepts records and does nothing. A library attaches one to its logger so that, with no
 * configuration, its records neither print nor trigger the last-resort handler.
 * @example getRtLogger('my-plugin').addHandler(new NullHandler());
 */
export class NullHandler extends Handler {
  override handle(_record: LogRecord): boolean {
    return true;
  }

  emit(_record: LogRecord): void {}
}
