import { afterEach, describe, expect, test } from '@jest/globals';
import { getRtLogger, instrument, JsonFormatter } from '../../lib/index.js';
import { MetricsRegistry, publishMetrics, snapshot } from '../../lib/telemetry/index.js';
import { MemoryHandler, resetLogging } from '../../lib/testing/index.js';

afterEach(() => resetLogging());

describe('publishMetrics', () => {
  test('logs a snapshot as one structured record on RT.metrics: a readable summary, the snapshot as a JSON field', () => {
    const registry = new MetricsRegistry();
    registry.counter('jobs_total').add(3, { queue: 'fast' });
    registry.histogram('wait_seconds', { buckets: [0.1, 1] }).record(0.25);
    const memory = new MemoryHandler();
    memory.setFormatter(new JsonFormatter());
    getRtLogger().addHandler(memory);
    getRtLogger().setLevel('INFO');
    const publisher = publishMetrics({ registry, intervalMs: 0 });
    publisher.publish();
    publisher.stop();
    expect(memory.records.map((r) => [r.name, r.levelname, r.getMessage()])).toEqual([
      ['RT.metrics', 'INFO', 'metrics: jobs_total{queue=fast}=3 wait_seconds{count=1 sum=0.25}'],
    ]);
    const line = JSON.parse(memory.lines[0]!);
    expect(line.metrics.metrics.map((m: { name: string }) => m.name)).toEqual(['jobs_total', 'wait_seconds']);
  });

  test('refuses an interval that is not a number of milliseconds', () => {
    expect(() => publishMetrics({ intervalMs: -5 })).toThrow(/intervalMs must be a number of milliseconds >= 0/);
  });
});

describe('instrument() records call counts and durations', () => {
  test('per name and outcome, into the registry it is given', async () => {
    const registry = new MetricsRegistry();
    const ok = instrument(async () => 'fine', { name: 'fetch', metrics: registry });
    const bad = instrument(() => { throw new Error('no'); }, { name: 'parse', metrics: registry });
    await ok(); await ok();
    expect(() => bad()).toThrow('no');
    const [calls, durations] = registry.snapshot().metrics;
    expect(calls).toMatchObject({ name: 'rt_calls_total', series: [
      { labels: { name: 'fetch', outcome: 'done' }, value: 2 },
      { labels: { name: 'parse', outcome: 'failed' }, value: 1 },
    ] });
    expect(durations).toMatchObject({ name: 'rt_call_duration_seconds', series: [{ labels: { name: 'fetch' }, count: 2 }, { labels: { name: 'parse' }, count: 1 }] });
  });

  test('by default into the process-wide registry; metrics: false records nothing', () => {
    const seriesNamed = (name: string) => snapshot().metrics.flatMap((m): ReadonlyArray<{ labels: Record<string, string> }> => m.series).filter((s) => s.labels.name === name);
    instrument(() => 1, { name: 'counted' })();
    instrument(() => 1, { name: 'quiet', metrics: false })();
    expect(seriesNamed('counted')).toHaveLength(2); // one call count, one duration
    expect(seriesNamed('quiet')).toEqual([]);
  });
});
