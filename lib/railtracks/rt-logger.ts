import type { Logger } from '../core/logger.js';
import { RT_LOGGER_NAME, getLogger } from '../core/manager.js';

/**
 * The Railtracks logger (`RT`), or `RT.<name>` for a subsystem. The same instance every time.
 * @example
 * const worker = getRtLogger('worker-42'); // "RT.worker-42"
 * worker.info('picked up %d jobs', 3);
 */
export function getRtLogger(name?: string): Logger {
  if (name === undefined || name === '') return getLogger(RT_LOGGER_NAME);
  return getLogger(`${RT_LOGGER_NAME}.${name}`);
}
