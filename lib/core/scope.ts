/**
 * The scope hook: a region of (async) code whose records carry extra fields and may be shown
 * below the configured level. The core knows nothing of what a scope means; the Railtracks
 * layer builds its sessions on it (`withSession`), and other layers may build their own.
 *
 * Level rule: a logger whose level is inherited from the *scoped root* (set by the layer that
 * owns scopes, e.g. `RT`) admits a record below its own level when the caller's scope has a
 * lower threshold. Kept apart from the logger so the hot path reads two module variables.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

/** What a running scope carries. */
export interface LogScope {
  /** The lowest level any output of this scope shows; loggers under the scoped root admit from here. */
  readonly threshold: number;
  /** Fields every record made inside carries: read by formats (`%(key)s`), JSON lines and the wire. */
  readonly fields: Readonly<Record<string, unknown>>;
  /** The scope this one was opened in, if any (a context inside a session, or the other way round). */
  readonly parent?: LogScope;
  /** The fields `withContext` calls added along the chain (what `getContext()` returns). */
  readonly context?: Readonly<Record<string, unknown>>;
}

/**
 * Whether `scope` is `ancestor` or was opened inside it.
 * @internal
 */
export function scopeWithin(scope: LogScope | undefined, ancestor: LogScope): boolean {
  for (let s = scope; s !== undefined; s = s.parent) if (s === ancestor) return true;
  return false;
}

const storage = new AsyncLocalStorage<LogScope>();

/**
 * The lowest threshold among scopes alive right now (Infinity when none). A logger whose
 * level comes from the scoped root only asks the async context when a call is below its own
 * threshold and at or above this floor, so code outside scopes pays nothing.
 */
export let scopeFloor = Infinity;
/** True once any scope has run, so records only look up the async context when it can matter. */
let scopesUsed = false;
/** The name of the logger whose inheriting descendants a scope may open up (none by default). */
let scopedRootName: string | undefined;
/**
 * The scope records made under the scoped root carry when made outside every scope: it never
 * opens a level, and its fields are the layer's defaults (Railtracks: its ids, None outside a
 * run), so a format naming them works on every record of that tree.
 */
let baseScope: LogScope | undefined;

const live = new Map<LogScope, number>();
const listeners: Array<() => void> = [];

/**
 * Called when the floor or the scoped root changes, so cached level checks are recomputed.
 * @internal
 */
export function onScopeLevelsChange(listener: () => void): void {
  listeners.push(listener);
}

/** @internal the name set by {@link setScopedRoot}. */
export function getScopedRootName(): string | undefined {
  return scopedRootName;
}

/** @internal the scope set by {@link setScopedRoot} for records made outside every scope. */
export function getBaseScope(): LogScope | undefined {
  return baseScope;
}

/**
 * Whether `key` is one of the base scope's fields: a structured output writes the scope's value
 * under that key, and a structured field of the same name under another. @internal
 */
export function isScopeFieldName(key: string): boolean {
  return baseScope !== undefined && Object.hasOwn(baseScope.fields, key);
}

/**
 * Name the logger below which scopes may lower levels (the Railtracks layer names `RT`), and
 * the fields its records carry outside every scope. Every scope the layer runs should carry the
 * same keys, so each record of the tree has them all.
 * @internal
 */
export function setScopedRoot(name: string | undefined, defaultFields?: Readonly<Record<string, unknown>>): void {
  if (scopedRootName === name && baseScope?.fields === defaultFields) return;
  scopedRootName = name;
  baseScope = defaultFields === undefined ? undefined : Object.freeze({ threshold: Infinity, fields: Object.freeze({ ...defaultFields }) });
  listeners.forEach((listener) => listener());
}

function enter(scope: LogScope): void {
  scopesUsed = true;
  live.set(scope, (live.get(scope) ?? 0) + 1);
  recomputeFloor();
}

function leave(scope: LogScope): void {
  const n = (live.get(scope) ?? 1) - 1;
  if (n <= 0) live.delete(scope);
  else live.set(scope, n);
  recomputeFloor();
}

function recomputeFloor(): void {
  let floor = Infinity;
  for (const scope of live.keys()) floor = Math.min(floor, scope.threshold);
  if (floor !== scopeFloor) {
    scopeFloor = floor;
    listeners.forEach((listener) => listener());
  }
}

/**
 * Run `fn` (sync or async) inside `scope`; `onEnd` runs once when `fn` returns, throws, or its
 * promise settles. The result (or the promise) is passed through.
 * @internal
 */
export function runInScope<T>(scope: LogScope, fn: () => T, onEnd: () => void): T {
  enter(scope);
  const end = (): void => {
    leave(scope);
    onEnd();
  };
  let result: T;
  try {
    result = storage.run(scope, fn);
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

/**
 * Forget every scope still alive (a test that left one running): the floor goes back to none.
 * Code still running inside such a scope keeps its fields. @internal for resetLogging
 */
export function resetScopes(): void {
  live.clear();
  recomputeFloor();
}

/** The scopes alive right now (for state dumps). @internal */
export function liveScopes(): LogScope[] {
  return [...live.keys()];
}

/** Whether the scope the caller runs in admits `level`. */
export function scopeAdmits(level: number): boolean {
  const scope = storage.getStore();
  return scope !== undefined && level >= scope.threshold;
}

/** The scope the caller runs in, for stamping records. */
export function currentScope(): LogScope | undefined {
  return scopesUsed ? storage.getStore() : undefined;
}
