import { describe, expect, test } from '@jest/globals';
import { MAX_SERIES, MetricsRegistry } from '../../lib/telemetry/index.js';

describe('MetricsRegistry', () => {
  test('counters, gauges and histograms report what was recorded, one series per label set', () => {
    const r = new MetricsRegistry();
    r.counter('jobs_total').add();
    r.counter('jobs_total').add(2, { queue: 'fast' });
    r.counter('jobs_total').add(3, { queue: 'fast' });
    r.gauge('queue_depth').set(7);
    r.gauge('queue_depth').add(-2);
    const h = r.histogram('call_ms', { buckets: [1, 10, 100] });
    for (const v of [0.5, 1, 5, 50, 500, NaN]) h.record(v);
    expect(r.snapshot().metrics).toEqual([
      { kind: 'counter', name: 'jobs_total', help: '', droppedSeries: 0, series: [{ labels: {}, value: 1 }, { labels: { queue: 'fast' }, value: 5 }] },
      { kind: 'gauge', name: 'queue_depth', help: '', droppedSeries: 0, series: [{ labels: {}, value: 5 }] },
      { kind: 'histogram', name: 'call_ms', help: '', droppedSeries: 0, buckets: [1, 10, 100], series: [{ labels: {}, counts: [2, 1, 1, 1], sum: 556.5, count: 5 }] },
    ]);
  });

  test('the same name gives the same instrument; label order does not make a new series', () => {
    const r = new MetricsRegistry();
    expect(r.counter('a_total')).toBe(r.counter('a_total'));
    r.counter('a_total').add(1, { x: 1, y: 'b' });
    r.counter('a_total').add(1, { y: 'b', x: '1' });
    expect(r.snapshot().metrics[0]!.series).toEqual([{ labels: { x: '1', y: 'b' }, value: 2 }]);
  });

  test('bad names, kinds, values and buckets are refused with the fix in the message', () => {
    const r = new MetricsRegistry();
    expect(() => r.counter('http requests')).toThrow(/must match \[a-zA-Z_:\]\[a-zA-Z0-9_:\]\*/);
    r.counter('n_total');
    expect(() => r.gauge('n_total')).toThrow(/already a counter; pick another name for the gauge/);
    expect(() => r.counter('n_total').add(-1)).toThrow(/finite number >= 0/);
    expect(() => r.counter('n_total').add(1, { 'bad-label': 1 })).toThrow(/label name "bad-label"/);
    expect(() => r.histogram('h', { buckets: [5, 1] })).toThrow(/strictly increasing/);
  });

  test(`an instrument keeps at most ${MAX_SERIES} series and counts the label sets it refused`, () => {
    const r = new MetricsRegistry();
    const c = r.counter('per_user_total');
    for (let i = 0; i < MAX_SERIES + 5; i++) c.add(1, { user: i });
    const [data] = r.snapshot().metrics;
    expect(data!.series).toHaveLength(MAX_SERIES);
    expect(data!.droppedSeries).toBe(5);
  });
});
