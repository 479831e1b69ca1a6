/**
 * The metrics registry through the real OpenTelemetry metrics SDK (an in-memory exporter read
 * by a manual collection): counters, histograms and gauges, labels as attributes, instruments
 * made before and after the bridge, and nothing more once stopped.
 */
import { expect, test } from '@jest/globals';
import { AggregationTemporality, InMemoryMetricExporter, MeterProvider, PeriodicExportingMetricReader } from '@opentelemetry/sdk-metrics';
import { bridgeMetricsToOpenTelemetry } from '../../lib/otel/index.js';
import { MetricsRegistry } from '../../lib/telemetry/index.js';

async function collected(reader: PeriodicExportingMetricReader, exporter: InMemoryMetricExporter) {
  await reader.forceFlush();
  const points = new Map<string, unknown[]>();
  for (const batch of exporter.getMetrics()) {
    for (const scope of batch.scopeMetrics) {
      for (const metric of scope.metrics) {
        points.set(metric.descriptor.name, metric.dataPoints.map((p) => ({ attributes: p.attributes, value: p.value })));
      }
    }
  }
  exporter.reset();
  return points;
}

test('counters, histograms and gauges reach the OTel meter with their labels as attributes', async () => {
  const exporter = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE);
  const reader = new PeriodicExportingMetricReader({ exporter, exportIntervalMillis: 3_600_000 });
  const provider = new MeterProvider({ readers: [reader] });
  const registry = new MetricsRegistry();
  registry.counter('jobs_total', { help: 'Jobs' }).add(2, { queue: 'fast' }); // made before the bridge
  const stop = bridgeMetricsToOpenTelemetry({ meter: provider.getMeter('t'), registry });
  registry.counter('jobs_total').add(3, { queue: 'fast' });
  registry.histogram('wait_seconds', { buckets: [0.1, 1] }).record(0.25, { queue: 'slow' });
  registry.gauge('queue_depth').set(7);
  const points = await collected(reader, exporter);
  // OTel counts what it saw after the bridge; the registry keeps the whole total.
  expect(points.get('jobs_total')).toEqual([{ attributes: { queue: 'fast' }, value: 3 }]);
  expect(points.get('wait_seconds')).toEqual([{ attributes: { queue: 'slow' }, value: expect.objectContaining({ count: 1, sum: 0.25, buckets: { boundaries: [0.1, 1], counts: [0, 1, 0] } }) }]);
  expect(points.get('queue_depth')).toEqual([{ attributes: {}, value: 7 }]);
  stop();
  registry.counter('jobs_total').add(100, { queue: 'fast' });
  expect((await collected(reader, exporter)).get('jobs_total')).toEqual([{ attributes: { queue: 'fast' }, value: 3 }]);
  await provider.shutdown();
});
