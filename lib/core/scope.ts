import { AsyncLocalStorage } from 'node:async_hooks';
import type { RecordSession } from './record.js';

/**
 * What a running `withSession` scope carries. Kept apart from `session.ts` (which builds
 * handlers and configs) so that the logger's hot path can read it without import cycles.
 */
export interface SessionScope extends RecordSession {
  /** The lowest level any output of this session shows; RT loggers admit records from here. */
  readonly threshold: number;
}

/** @internal */
export const sessionStorage = new AsyncLocalStorage<SessionScope>();

/**
 * The lowest threshold among sessions alive right now (Infinity when none). A logger whose
 * level comes from the RT root only asks the async context when a call is below its own
 * threshold and at or above this floor, so code outside sessions pays nothing.
 */
export let sessionFloor = Infinity;
/** True once any session has run, so records only look up the async context when it can matter. */
export let sessionsUsed = false;

const live = new Map<SessionScope, number>();
const floorListeners: Array<() => void> = [];

/** @internal called by the manager to refresh cached logger methods when the floor moves. */
export function onSessionFloorChange(listener: () => void): void {
  floorListeners.push(listener);
}

/** @internal */
export function enterScope(scope: SessionScope): void {
  sessionsUsed = true;
  live.set(scope, (live.get(scope) ?? 0) + 1);
  recomputeFloor();
}

/** @internal */
export function leaveScope(scope: SessionScope): void {
  const n = (live.get(scope) ?? 1) - 1;
  if (n <= 0) live.delete(scope);
  else live.set(scope, n);
  recomputeFloor();
}

function recomputeFloor(): void {
  let floor = Infinity;
  for (const scope of live.keys()) floor = Math.min(floor, scope.threshold);
  if (floor !== sessionFloor) {
    sessionFloor = floor;
    floorListeners.forEach((listener) => listener());
  }
}

/** Whether the session the caller runs in admits `level`. */
export function sessionAdmits(level: number): boolean {
  const scope = sessionStorage.getStore();
  return scope !== undefined && level >= scope.threshold;
}

/**
 * The id of the session the caller runs in, or undefined outside `withSession`.
 * @example withSession(cfg, () => getSessionId()) // '3f0c…'
 */
export function getSessionId(): string | undefined {
  return sessionStorage.getStore()?.id;
}

/** The scope the caller runs in, for stamping records. */
export function currentScope(): SessionScope | undefined {
  return sessionsUsed ? sessionStorage.getStore() : undefined;
}
