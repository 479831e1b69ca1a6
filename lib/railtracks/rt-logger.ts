import type { Logger } from '../core/logger.js';
import { getLogger } from '../core/manager.js';
import { setScopedRoot } from '../core/scope.js';
import { NO_RUN_FIELDS } from './context-fields.js';

/** The name of the Railtracks logger every `getRtLogger` name hangs under. */
export const RT_LOGGER_NAME = 'RT';

// Sessions (this layer's scopes) open up the levels of loggers that inherit from RT, and every
// record of the RT tree carries the context ids, null outside a session.
setScopedRoot(RT_LOGGER_NAME, NO_RUN_FIELDS);

/**
 * The Railtracks logger (`RT`), or `RT.<name>` for a subsystem. The same instance every time.
 * @example
 * const worker = getRtLogger('worker-42'); // "RT.worker-42"
 * worker.info('picked up %d jobs', 3);
 */
export function getRtLogger(name?: string): Logger {
  const rt = getLogger(RT_LOGGER_NAME);
  if (name === undefined || name === '') return rt;
  // RT is made first, so a subsystem's parent is RT from the start, never Python's placeholder
  // link to the root that would last until someone asked for RT itself.
  return getLogger(`${RT_LOGGER_NAME}.${name}`);
}
