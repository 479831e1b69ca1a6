import { resetCallSites } from '../core/call-site.js';
import { setClock } from '../core/clock.js';
import { resetLevelNames } from '../core/levels.js';
import { setErrorSink, setRaiseExceptions } from '../core/logging-errors.js';
import { manager } from '../core/manager.js';
import { resetScopes } from '../core/scope.js';
import { resetRecordEnrichers } from '../core/record-enrichers.js';
import { resetConfig } from '../railtracks/logging-setup.js';
import { getRtLogger } from '../railtracks/rt-logger.js';

/**
 * Put logging back to its just-imported state: config handlers detached, every logger's
 * levels, handlers and filters cleared (handlers closed), `disable()` lifted, level names added
 * with `addLevelName` forgotten, the real clock back, `raiseExceptions` on, error reports to
 * stderr again, call-site capture back to automatic, no session floor left behind, no record
 * enricher (trace context) left installed.
 * Meant for test suites.
 * @example afterEach(() => resetLogging());
 */
export async function resetLogging(): Promise<void> {
  resetConfig();
  resetCallSites();
  resetScopes();
  resetRecordEnrichers();
  setClock();
  setRaiseExceptions(true);
  setErrorSink();
  resetLevelNames();
  await manager.reset();
  getRtLogger();
}
