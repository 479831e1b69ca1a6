import { randomUUID } from 'node:crypto';
import type { LogRecord } from '../core/record.js';
import { currentScope, runInScope, type LogScope } from '../core/scope.js';
import { ExecutorConfig, type ExecutorConfigOptions, type PayloadCallback, type SessionPayload } from './config.js';
import { buildConfigOutputs, installOutputs } from './config-outputs.js';
import { sessionFields, type ContextFields } from './context-fields.js';

/** A session is a scope of the core's scope hook, told apart from other scopes by this brand. */
const sessions = new WeakSet<LogScope>();

/** The innermost session `scope` is, or was opened in (a context inside a session counts). */
function nearestSession(scope: LogScope | undefined): LogScope | undefined {
  for (let s = scope; s !== undefined; s = s.parent) if (sessions.has(s)) return s;
  return undefined;
}

/** Whether a record was made inside some `withSession`. @internal */
export function isInSession(record: LogRecord): boolean {
  return nearestSession(record.scope) !== undefined;
}

/**
 * Run `fn` (sync or async) as a session with its own configuration. Records logged inside —
 * however deep in async calls — carry `session_id` (fresh per session) and `run_id` (the config's
 * `runIdentifier`) as their context fields (the other ids stay null, see context-fields.ts),
 * show on the console at the session's level, and go to the session's `logFile` if it has one.
 * Code outside keeps the global configuration; concurrent sessions never see each other's
 * records. The session's handlers are removed and its file closed when `fn` settles; then the
 * config's `payloadCallback`, if any, receives `{ session_id, run_id }`.
 * @example
 * await withSession(new ExecutorConfig({ loggingSetting: 'VERBOSE', logFile: 'run-7.log' }), async () => {
 *   getRtLogger('planner').debug('visible in this session only');
 * });
 */
export function withSession<T>(config: ExecutorConfig | ExecutorConfigOptions, fn: () => T): T {
  const cfg = config instanceof ExecutorConfig ? config : new ExecutorConfig(config);
  let scope: LogScope | undefined;
  // A session's outputs take the records whose innermost session it is (contexts opened inside
  // it included; a session nested inside it keeps its own records).
  const own = (record: LogRecord): boolean => nearestSession(record.scope) === scope;
  const { handlers, threshold } = buildConfigOutputs(cfg, own);
  const outer = currentScope();
  const ids = sessionFields(randomUUID(), cfg.runIdentifier);
  scope = Object.freeze({
    threshold,
    // The request context around the session stays on its records.
    fields: outer === undefined ? ids : Object.freeze({ ...outer.fields, ...ids }),
    ...(outer !== undefined ? { parent: outer } : {}),
    ...(outer?.context !== undefined ? { context: outer.context } : {}),
  });
  sessions.add(scope);
  const uninstall = installOutputs(handlers);
  const fields = ids as ContextFields;
  return runInScope(scope, fn, () => {
    uninstall();
    if (cfg.payloadCallback !== null) handOver(cfg.payloadCallback, { session_id: fields.session_id!, run_id: fields.run_id! });
  });
}

/**
 * The id of the session the caller runs in, or undefined outside `withSession`.
 * @example withSession(new ExecutorConfig(), () => getSessionId()) // '3f0c…'
 */
export function getSessionId(): string | undefined {
  return nearestSession(currentScope())?.fields.session_id as string | undefined;
}

/** Upstream calls its payload callback after the session and swallows whatever it raises. */
function handOver(callback: PayloadCallback, payload: SessionPayload): void {
  try {
    const result = callback(payload);
    if (result instanceof Promise) result.catch(() => undefined);
  } catch {
    // Swallowed on purpose, as upstream does: a failing callback never fails the session.
  }
}
