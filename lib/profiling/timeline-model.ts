/**
 * The shape both timeline exporters draw: one lane per step, and within a lane one slice per
 * stamp lasting until the next stamp of the same step (the last stamp of a step is a point).
 */
import type { Stamp } from './stamp.js';

/**
 * Anything that can be drawn: a StampManager, a SharedStampManager, or a plain object.
 * @example toChromeTrace({ allStamps: [new Stamp(1, 0, 'a')], stepLogs: { 0: ['a'] } });
 */
export interface StampSource {
  readonly allStamps: readonly Stamp[];
  readonly stepLogs: Readonly<Record<number, readonly string[]>>;
  /** The next step to be handed out, when known: a log at or above it is not a lane yet. */
  readonly step?: number;
}

/**
 * One stamp drawn as a span until the next stamp of its step.
 * @example buildTimeline(sm).lanes[0]?.slices[0]?.durationMs;
 */
export interface TimelineSlice {
  step: number;
  identifier: string;
  /** Epoch seconds. */
  start: number;
  /** Epoch seconds; equals `start` for the last stamp of a step. */
  end: number;
  durationMs: number;
  /** True for the last stamp of its step, which has no following stamp to measure to. */
  last: boolean;
}

/**
 * One step's stamps, in order.
 * @example for (const lane of buildTimeline(sm).lanes) console.log(lane.step, lane.slices.length);
 */
export interface TimelineLane {
  step: number;
  slices: TimelineSlice[];
}

/**
 * A whole run ready to draw. `start`/`end` are epoch seconds (both 0 when there are no stamps).
 * @example const { lanes, start, end } = buildTimeline(manager);
 */
export interface Timeline {
  start: number;
  end: number;
  stampCount: number;
  lanes: TimelineLane[];
}

/**
 * Group stamps into lanes by step; every step in the step logs gets a lane, stamped or not.
 * @example buildTimeline(manager).lanes.map((lane) => lane.slices.length);
 */
export function buildTimeline(source: StampSource): Timeline {
  const stamps = [...source.allStamps].sort((a, b) => a.step - b.step || a.time - b.time);
  const byStep = new Map<number, Stamp[]>();
  // A fresh manager's log for step 0 exists before any step is taken (as upstream's does).
  const taken = source.step ?? Infinity;
  for (const step of Object.keys(source.stepLogs)) if (Number(step) < taken) byStep.set(Number(step), []);
  let start = Infinity;
  let end = -Infinity;
  for (const stamp of stamps) {
    let list = byStep.get(stamp.step);
    if (list === undefined) byStep.set(stamp.step, (list = []));
    list.push(stamp);
    if (stamp.time < start) start = stamp.time;
    if (stamp.time > end) end = stamp.time;
  }
  const lanes: TimelineLane[] = [...byStep.entries()]
    .sort(([a], [b]) => a - b)
    .map(([step, list]) => ({
      step,
      slices: list.map((stamp, i) => {
        const next = list[i + 1];
        const sliceEnd = next === undefined ? stamp.time : next.time;
        return {
          step,
          identifier: stamp.identifier,
          start: stamp.time,
          end: sliceEnd,
          durationMs: (sliceEnd - stamp.time) * 1000,
          last: next === undefined,
        };
      }),
    }));
  return stamps.length === 0 ? { start: 0, end: 0, stampCount: 0, lanes } : { start, end, stampCount: stamps.length, lanes };
}
