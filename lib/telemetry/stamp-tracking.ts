/**
 * Stamp managers a program wants in its state dump and run report, and the summary made of
 * each: how many steps and stamps, the run's span, and the slowest steps (a step's duration is
 * from its first stamp to its last).
 */
import type { StampManager } from '../profiling/stamp-manager.js';

/** What a dump or report says of one stamp manager. */
export interface StampSummary {
  name: string;
  steps: number;
  stamps: number;
  /** Seconds from the first stamp to the last. */
  spanSeconds: number;
  /** Up to five steps, longest first. */
  slowestSteps: Array<{ step: number; seconds: number; first: string; last: string }>;
}

const tracked = new Map<string, StampManager>();

/**
 * Include `manager` in state dumps and the run report under `name`.
 * @example trackStampManager(new StampManager(), 'agent-run');
 */
export function trackStampManager(manager: StampManager, name = `stamps-${tracked.size + 1}`): StampManager {
  tracked.set(name, manager);
  return manager;
}

/** @example untrackStampManager('agent-run') */
export function untrackStampManager(name: string): void {
  tracked.delete(name);
}

/** @internal */
export function stampSummaries(): StampSummary[] {
  return [...tracked].map(([name, manager]) => summarise(name, manager));
}

function summarise(name: string, manager: StampManager): StampSummary {
  const stamps = manager.allStamps;
  const bySteps = new Map<number, { first: number; last: number; firstId: string; lastId: string }>();
  let min = Infinity;
  let max = -Infinity;
  for (const s of stamps) {
    min = Math.min(min, s.time);
    max = Math.max(max, s.time);
    const row = bySteps.get(s.step);
    if (row === undefined) bySteps.set(s.step, { first: s.time, last: s.time, firstId: s.identifier, lastId: s.identifier });
    else {
      if (s.time < row.first) { row.first = s.time; row.firstId = s.identifier; }
      if (s.time >= row.last) { row.last = s.time; row.lastId = s.identifier; }
    }
  }
  const slowestSteps = [...bySteps]
    .map(([step, r]) => ({ step, seconds: r.last - r.first, first: r.firstId, last: r.lastId }))
    .sort((a, b) => b.seconds - a.seconds)
    .slice(0, 5);
  return { name, steps: manager.step, stamps: stamps.length, spanSeconds: stamps.length > 0 ? max - min : 0, slowestSteps };
}
