import { describe, expect, it } from '@jest/globals';
import { StampManager, toChromeTrace, type TraceEvent } from '../../lib/profiling/index.js';

function fixed(): StampManager {
  return StampManager.fromJSON({
    step: 3,
    step_logs: { '0': ['start'], '1': ['load', 'parse', 'store'], '2': [] },
    stamps: [
      { time: 1000.0, step: 0, identifier: 'start' },
      { time: 1000.5, step: 1, identifier: 'load' },
      { time: 1000.75, step: 1, identifier: 'parse' },
      { time: 1001.0, step: 1, identifier: 'store' },
    ],
  });
}

const byPhase = (events: TraceEvent[], ph: string) => events.filter((e) => e.ph === ph);

describe('toChromeTrace', () => {
  it('gives every event name, ph, ts, pid and tid, with ts in microseconds', () => {
    const trace = fixed().toChromeTrace();
    expect(Array.isArray(trace.traceEvents)).toBe(true);
    for (const event of trace.traceEvents) {
      expect(typeof event.name).toBe('string');
      expect(['X', 'i', 'M']).toContain(event.ph);
      expect(Number.isFinite(event.ts)).toBe(true);
      expect(Number.isInteger(event.pid)).toBe(true);
      expect(Number.isInteger(event.tid)).toBe(true);
    }
    const load = trace.traceEvents.find((e) => e.name === 'load');
    expect(load?.ts).toBe(1000.5e6);
  });

  it('draws each step as its own named lane, including a reserved step with no stamps', () => {
    const lanes = byPhase(fixed().toChromeTrace().traceEvents, 'M').filter((e) => e.name === 'thread_name');
    expect(lanes.map((e) => [e.tid, e.args?.name])).toEqual([[0, 'step 0'], [1, 'step 1'], [2, 'step 2']]);
  });

  it('makes a complete event lasting until the next stamp of the step, and an instant for the last', () => {
    const events = fixed().toChromeTrace().traceEvents;
    expect(byPhase(events, 'X').map((e) => [e.name, e.tid, e.dur])).toEqual([['load', 1, 250000], ['parse', 1, 250000]]);
    expect(byPhase(events, 'i').map((e) => [e.name, e.tid, e.s])).toEqual([['start', 0, 't'], ['store', 1, 't']]);
  });

  it('round-trips through JSON.stringify and honours the process name and pid options', () => {
    const trace = JSON.parse(JSON.stringify(toChromeTrace(fixed(), { processName: 'ingest', pid: 7 }))) as { traceEvents: TraceEvent[] };
    const proc = trace.traceEvents.find((e) => e.name === 'process_name');
    expect(proc?.args).toEqual({ name: 'ingest' });
    expect(trace.traceEvents.every((e) => e.pid === 7)).toBe(true);
  });

  it('produces only metadata for an empty manager', () => {
    const trace = new StampManager().toChromeTrace();
    expect(trace.traceEvents.map((e) => e.ph)).toEqual(['M']);
    expect(trace.otherData.stamps).toBe(0);
  });
});
