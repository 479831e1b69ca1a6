import { randomUUID } from 'node:crypto';
import { ExecutorConfig, type ExecutorConfigOptions } from './config.js';
import { buildConfigOutputs } from './config-outputs.js';
import type { LogRecord } from '../core/record.js';
import { getRtLogger } from './rt-logger.js';
import { enterScope, leaveScope, sessionStorage, type SessionScope } from '../core/scope.js';

export { getSessionId } from '../core/scope.js';

/**
 * Run `fn` (sync or async) as a session with its own configuration. Records logged inside —
 * however deep in async calls — carry `sessionId` and `runId` (the config's `runIdentifier`),
 * show on the console at the session's level, and go to the session's `logFile` if it has one.
 * Code outside keeps the global configuration; concurrent sessions never see each other's
 * records. The session's handlers are removed and its file closed when `fn` settles.
 * @example
 * await withSession(new ExecutorConfig({ loggingSetting: 'VERBOSE', logFile: 'run-7.log' }), async () => {
 *   getRtLogger('planner').debug('visible in this session only');
 * });
 */
export function withSession<T>(config: ExecutorConfig | ExecutorConfigOptions, fn: () => T): T {
  const cfg = config instanceof ExecutorConfig ? config : new ExecutorConfig(config);
  const id = randomUUID();
  let scope: SessionScope | undefined;
  const own = (record: LogRecord): boolean => record.session === scope;
  const { handlers, threshold } = buildConfigOutputs(cfg, own);
  scope = Object.freeze({ id, runId: cfg.runIdentifier, threshold });
  const rt = getRtLogger();
  for (const handler of handlers) rt.addHandler(handler);
  enterScope(scope);
  const end = (): void => {
    leaveScope(scope);
    for (const handler of handlers) {
      rt.removeHandler(handler);
      void handler.close();
    }
  };
  let result: T;
  try {
    result = sessionStorage.run(scope, fn);
  } catch (err) {
    end();
    throw err;
  }
  if (result !== null && typeof result === 'object' && typeof (result as { then?: unknown }).then === 'function') {
    return (result as unknown as Promise<unknown>).finally(end) as T;
  }
  end();
  return result;
}
