/**
 * The shape both timeline exporters draw: one lane per step, and within a lane one slice per
 * stamp lasting until the next stamp of the same step (the last stamp of a step is a point).
 * Stamps named like `instrument` names them (`embed CREATED`, `embed DONE`, `embed FAILED`) give
 * their lane the call's name, its outcome, and a number when the same function ran on several steps.
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
  /** `failed` for a FAILED stamp and for the span that ended in one; `done` likewise for DONE. */
  outcome: CallOutcome | undefined;
}

/**
 * How an instrumented call ended, read from its stamps.
 * @example buildTimeline(sm).lanes[1]?.outcome; // 'failed'
 */
export type CallOutcome = 'done' | 'failed';

/**
 * One step's stamps, in order.
 * @example for (const lane of buildTimeline(sm).lanes) console.log(lane.step, lane.slices.length);
 */
export interface TimelineLane {
  step: number;
  /** What to call the lane: the instrumented name (`embed #2` when `embed` ran on several steps), or `step N`. */
  label: string;
  /** The instrumented or common name of the step's stamps, when there is one. */
  name: string | undefined;
  /** 1, 2, … among lanes of the same name, when there are several. */
  call: number | undefined;
  outcome: CallOutcome | undefined;
  /** Why a call failed, when its FAILED stamp says (`embed FAILED: timeout`). */
  reason: string | undefined;
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
    .map(([step, list]) => lane(step, list));
  numberRepeatedNames(lanes);
  return stamps.length === 0 ? { start: 0, end: 0, stampCount: 0, lanes } : { start, end, stampCount: stamps.length, lanes };
}

/**
 * An identifier read as an instrumented event: `embed FAILED: timeout` → name `embed`,
 * keyword `FAILED`, reason `timeout`. Undefined for any other identifier.
 * @example parseCallStamp('embed DONE') // { name: 'embed', keyword: 'DONE', reason: undefined }
 */
export function parseCallStamp(identifier: string): { name: string; keyword: 'CREATED' | 'DONE' | 'FAILED'; reason: string | undefined } | undefined {
  const m = /^(.+?)\s+(CREATED|DONE|FAILED)(?:\s*(?:[:(—-])\s*(.*?)\)?)?\s*$/s.exec(identifier);
  if (m === null) return undefined;
  return { name: m[1]!, keyword: m[2] as 'CREATED' | 'DONE' | 'FAILED', reason: m[3] === undefined || m[3] === '' ? undefined : m[3] };
}

function lane(step: number, list: readonly Stamp[]): TimelineLane {
  const calls = list.map((stamp) => parseCallStamp(stamp.identifier));
  const outcomeOf = (i: number): CallOutcome | undefined => {
    const keyword = calls[i]?.keyword;
    return keyword === 'FAILED' ? 'failed' : keyword === 'DONE' ? 'done' : undefined;
  };
  const slices = list.map((stamp, i): TimelineSlice => {
    const next = list[i + 1];
    const sliceEnd = next === undefined ? stamp.time : next.time;
    return {
      step,
      identifier: stamp.identifier,
      start: stamp.time,
      end: sliceEnd,
      durationMs: (sliceEnd - stamp.time) * 1000,
      last: next === undefined,
      // A span is coloured by how it ended: the stamp after it, or itself when it is the last.
      outcome: outcomeOf(next === undefined ? i : i + 1),
    };
  });
  const failed = calls.find((c) => c?.keyword === 'FAILED');
  const name = calls.find((c) => c !== undefined)?.name ?? commonName(list.map((s) => s.identifier));
  return {
    step,
    label: name ?? `step ${step}`,
    name,
    call: undefined,
    outcome: failed !== undefined ? 'failed' : calls.some((c) => c?.keyword === 'DONE') ? 'done' : undefined,
    reason: failed?.reason,
    slices,
  };
}

/** The words every identifier starts with (`chunk-A load`, `chunk-A embed` → `chunk-A`), else the first identifier. */
function commonName(identifiers: readonly string[]): string | undefined {
  if (identifiers.length <= 1) return identifiers[0];
  const words = identifiers[0]!.split(' ');
  let n = words.length;
  for (const id of identifiers) {
    const other = id.split(' ');
    let k = 0;
    while (k < n && other[k] === words[k]) k++;
    n = k;
  }
  return n === 0 ? identifiers[0] : words.slice(0, n).join(' ');
}

/** `embed` on three steps becomes `embed #1`, `embed #2`, `embed #3`, in step order. */
function numberRepeatedNames(lanes: TimelineLane[]): void {
  const total = new Map<string, number>();
  for (const l of lanes) if (l.name !== undefined) total.set(l.name, (total.get(l.name) ?? 0) + 1);
  const seen = new Map<string, number>();
  for (const l of lanes) {
    if (l.name === undefined || total.get(l.name)! < 2) continue;
    const call = (seen.get(l.name) ?? 0) + 1;
    seen.set(l.name, call);
    l.call = call;
    l.label = `${l.name} #${call}`;
  }
}
