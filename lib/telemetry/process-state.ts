/**
 * What the process is doing, as one plain object: the scopes (sessions, contexts) alive, every
 * handler with what it holds and what it dropped, the newest resource sample and the peaks, a
 * metrics snapshot, stamp-manager summaries. The dump signal writes it; the run report takes
 * parts of it. Reading it changes nothing.
 */
import { manager } from '../core/manager.js';
import { liveScopes } from '../core/scope.js';
import { getLevelName } from '../core/levels.js';
import { defaultRegistry, type MetricSnapshot } from '../metrics/registry.js';
import { runningMonitors, type ResourcePeaks, type ResourceSample } from './resource-monitor.js';
import { stampSummaries, type StampSummary } from './stamp-tracking.js';

/** One handler as the state dump shows it. */
export interface HandlerState {
  logger: string;
  handler: string;
  level: string;
  /** Present when the handler counts records it could not deliver. */
  dropped?: number;
  /** Present when the handler holds records or frames it has not written yet. */
  queued?: number;
}

export interface ProcessState {
  time: string;
  pid: number;
  uptimeSeconds: number;
  scopes: Array<Record<string, unknown>>;
  handlers: HandlerState[];
  resources?: { latest: ResourceSample | undefined; peaks: ResourcePeaks };
  metrics: MetricSnapshot;
  stamps: StampSummary[];
}

function count(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** @internal */
export function handlerStates(): HandlerState[] {
  const out: HandlerState[] = [];
  for (const logger of manager.loggers()) {
    for (const handler of logger.handlers) {
      const h = handler as unknown as { dropped?: unknown; queued?: unknown; queueDepth?: unknown; name?: unknown };
      const state: HandlerState = {
        logger: logger.name,
        handler: typeof h.name === 'string' && h.name !== '' ? `${handler.constructor.name} ${h.name}` : handler.constructor.name,
        level: getLevelName(handler.level),
      };
      const dropped = count(h.dropped);
      if (dropped !== undefined) state.dropped = dropped;
      const queued = count(h.queued) ?? count(h.queueDepth);
      if (queued !== undefined) state.queued = queued;
      out.push(state);
    }
  }
  return out;
}

/**
 * A snapshot of the process's logging state.
 * @example JSON.stringify(processState(), null, 2)
 */
export function processState(): ProcessState {
  const state: ProcessState = {
    time: new Date().toISOString(),
    pid: process.pid,
    uptimeSeconds: process.uptime(),
    scopes: liveScopes().map((scope) => ({ ...scope.fields, threshold: getLevelName(scope.threshold) })),
    handlers: handlerStates(),
    metrics: defaultRegistry.snapshot(),
    stamps: stampSummaries(),
  };
  const [monitor] = runningMonitors();
  if (monitor !== undefined) state.resources = { latest: monitor.latest, peaks: monitor.peaks };
  return state;
}
