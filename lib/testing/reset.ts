import { resetCallSites } from '../core/call-site.js';
import { resetConfig } from '../railtracks/logging-setup.js';
import { manager } from '../core/manager.js';
import { getRtLogger } from '../railtracks/rt-logger.js';

/**
 * Put logging back to its just-imported state: config handlers detached, every logger's
 * levels, handlers and filters cleared, `disable()` lifted, call-site capture back to automatic
 * (off until a formatter reads a call-site field). Meant for test suites.
 * @example afterEach(() => resetLogging());
 */
export async function resetLogging(): Promise<void> {
  resetConfig();
  resetCallSites();
  await manager.reset();
  getRtLogger();
}
