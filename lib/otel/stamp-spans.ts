/**
 * A StampManager as a trace: one parent span for the run, one child span per step (from the
 * step's first stamp to the next step's first stamp, or to its own last stamp for the final
 * step), each stamp a span event at its own time. Spans are created under the active context,
 * so a run exported inside a request's span lands in the request's trace.
 */
import { context, trace, type SpanContext, type Tracer } from '@opentelemetry/api';
import type { StampManager } from '../profiling/stamp-manager.js';
import type { Stamp } from '../profiling/stamp.js';

export interface StampSpanOptions {
  /** Default: the global tracer provider's tracer `railtracks.stamps`. */
  tracer?: Tracer;
  /** Name of the parent span (default `stamps`). */
  name?: string;
}

const ms = (seconds: number): number => seconds * 1000;

/**
 * Export every stamp of `manager` as spans; returns the parent span's context (undefined when
 * there is no stamp).
 * @example
 * const sm = new StampManager(); sm.createStamp('Session start'); const g = sm.stampCreator(); g('chunk-A embedded');
 * exportStampsAsSpans(sm, { name: 'agent run' });
 */
export function exportStampsAsSpans(manager: StampManager, options: StampSpanOptions = {}): SpanContext | undefined {
  const stamps = manager.allStamps;
  if (stamps.length === 0) return undefined;
  const tracer = options.tracer ?? trace.getTracer('railtracks.stamps');
  const bySteps = new Map<number, Stamp[]>();
  for (const stamp of stamps) {
    const list = bySteps.get(stamp.step);
    if (list === undefined) bySteps.set(stamp.step, [stamp]);
    else list.push(stamp);
  }
  const steps = [...bySteps.entries()].sort((a, b) => a[0] - b[0]);
  const start = Math.min(...stamps.map((s) => s.time));
  const end = Math.max(...stamps.map((s) => s.time));
  const parent = tracer.startSpan(options.name ?? 'stamps', { startTime: ms(start), attributes: { 'railtracks.stamps': stamps.length } });
  const parentContext = trace.setSpan(context.active(), parent);
  steps.forEach(([step, list], i) => {
    const first = Math.min(...list.map((s) => s.time));
    const next = steps[i + 1];
    const stepEnd = next !== undefined ? Math.min(...next[1].map((s) => s.time)) : Math.max(...list.map((s) => s.time));
    const span = tracer.startSpan(list[0]!.identifier, { startTime: ms(first), attributes: { 'railtracks.step': step } }, parentContext);
    for (const stamp of list) span.addEvent(stamp.identifier, { 'railtracks.step': step }, ms(stamp.time));
    span.end(ms(Math.max(stepEnd, first)));
  });
  parent.end(ms(end));
  return parent.spanContext();
}
