/**
 * Request context: `withContext(fields, fn)` puts its fields on every record created inside
 * `fn` — however deep in async calls — next to the session ids: text formats read them by name
 * (`%(request_id)s`), JSON lines write them as fields, the Python wire sends them as extras.
 * Contexts nest (inner fields over outer ones), sit inside or around sessions, and never leak
 * into concurrent work: each is a scope of the core's scope hook (AsyncLocalStorage).
 */
import { currentScope, getBaseScope, runInScope, type LogScope } from './scope.js';

const NO_CONTEXT: Readonly<Record<string, unknown>> = Object.freeze({});

/**
 * Run `fn` (sync or async) with `fields` on every record made inside it; returns what `fn` returns.
 * @example
 * await withContext({ request_id: 'r-17' }, async () => {
 *   getRtLogger('api').info('served'); // record.field('request_id') === 'r-17'
 * });
 */
export function withContext<T>(fields: Record<string, unknown>, fn: () => T): T {
  if (fields === null || typeof fields !== 'object') throw new TypeError(`withContext: fields must be an object such as { request_id: 'r-17' }, got ${String(fields)}`);
  const outer = currentScope();
  const added = Object.freeze({ ...fields });
  // Outside every scope the layer's default fields (Railtracks' ids, None) stay on the records.
  const inherited = outer?.fields ?? getBaseScope()?.fields ?? NO_CONTEXT;
  const scope: LogScope = Object.freeze({
    // A context shows what the scope around it shows; on its own it opens no level.
    threshold: outer?.threshold ?? Infinity,
    fields: Object.freeze({ ...inherited, ...added }),
    context: Object.freeze({ ...(outer?.context ?? NO_CONTEXT), ...added }),
    ...(outer !== undefined ? { parent: outer } : {}),
  });
  return runInScope(scope, fn, () => {});
}

/**
 * The fields the caller's `withContext` calls put in place (inner over outer); `{}` outside.
 * @example withContext({ tenant: 'acme' }, () => getContext()) // { tenant: 'acme' }
 */
export function getContext(): Readonly<Record<string, unknown>> {
  return currentScope()?.context ?? NO_CONTEXT;
}
