/**
 * Chrome Trace Event JSON, the format Perfetto and chrome://tracing open: one thread lane per
 * step, a complete ("X") event per stamp lasting until the next stamp of that step, and an
 * instant ("i") event for a step's last stamp.
 */
import { buildTimeline } from './timeline-model.js';
import type { StampSource } from './timeline-model.js';

/**
 * The event phases we emit: complete, instant, metadata.
 * @example const instants = trace.traceEvents.filter((e) => e.ph === 'i');
 */
export type TracePhase = 'X' | 'i' | 'M';

/**
 * One Trace Event; `ts` and `dur` in microseconds.
 * @example const e: TraceEvent = { name: 'load', ph: 'X', ts: 1.5e15, dur: 250, pid: 1, tid: 0 };
 */
export interface TraceEvent {
  name: string;
  ph: TracePhase;
  ts: number;
  pid: number;
  tid: number;
  dur?: number;
  /** Instant-event scope: thread. */
  s?: 't';
  cat?: string;
  args?: Record<string, unknown>;
}

/**
 * The JSON object form of a trace file.
 * @example const trace: ChromeTrace = sm.toChromeTrace(); trace.traceEvents.length;
 */
export interface ChromeTrace {
  traceEvents: TraceEvent[];
  displayTimeUnit: 'ms' | 'ns';
  otherData: Record<string, string | number>;
}

/**
 * How the trace is labelled.
 * @example sm.toChromeTrace({ processName: 'ingest run', pid: 2 });
 */
export interface ChromeTraceOptions {
  /** Process name shown above the lanes. Default `railtracks stamps`. */
  processName?: string;
  /** `pid` for every event. Default 1. */
  pid?: number;
}

/**
 * Convert stamps to Chrome Trace Event JSON. Times stay absolute (epoch microseconds) so a
 * trace lines up with log timestamps; viewers show them relative to the first event.
 * @example
 * fs.writeFileSync('run.trace.json', JSON.stringify(toChromeTrace(manager)));
 * // open https://ui.perfetto.dev and drop the file in, or load it in chrome://tracing
 */
export function toChromeTrace(source: StampSource, options: ChromeTraceOptions = {}): ChromeTrace {
  const pid = options.pid ?? 1;
  const timeline = buildTimeline(source);
  const events: TraceEvent[] = [
    { name: 'process_name', ph: 'M', ts: 0, pid, tid: 0, args: { name: options.processName ?? 'railtracks stamps' } },
  ];
  for (const lane of timeline.lanes) {
    const tid = lane.step;
    events.push({ name: 'thread_name', ph: 'M', ts: 0, pid, tid, args: { name: `step ${lane.step}` } });
    events.push({ name: 'thread_sort_index', ph: 'M', ts: 0, pid, tid, args: { sort_index: lane.step } });
    for (const slice of lane.slices) {
      const base = { name: slice.identifier, cat: 'stamp', ts: slice.start * 1e6, pid, tid };
      const args = { step: slice.step, identifier: slice.identifier, time: slice.start };
      events.push(slice.last ? { ...base, ph: 'i', s: 't', args } : { ...base, ph: 'X', dur: (slice.end - slice.start) * 1e6, args });
    }
  }
  return {
    traceEvents: events,
    displayTimeUnit: 'ms',
    otherData: { producer: 'railtracks-observability', steps: timeline.lanes.length, stamps: timeline.stampCount },
  };
}
