import { resetConfig } from './logging-setup.js';
import { manager } from './manager.js';
import { getRtLogger } from './rt-logger.js';

/**
 * Put logging back to its just-imported state: config handlers detached, every logger's
 * levels, handlers and filters cleared, `disable()` lifted. Meant for test suites.
 * @example afterEach(() => resetLogging());
 */
export async function resetLogging(): Promise<void> {
  resetConfig();
  await manager.reset();
  getRtLogger();
}
