/**
 * The metrics registry reported through OpenTelemetry's meter as well: each counter becomes an
 * OTel counter that receives every `add`, each histogram an OTel histogram that receives every
 * `record` (with the same bucket bounds as advice), each gauge an observable gauge read from
 * the registry at collection time. Instruments made later are bridged as they appear; labels
 * become attributes. The registry keeps working as before (snapshots, Prometheus text).
 */
import { metrics, type Attributes, type Meter } from '@opentelemetry/api';
import { defaultRegistry, type MetricLabels, type MetricsRegistry } from '../metrics/registry.js';

export interface MetricsBridgeOptions {
  /** Default: the global meter provider's meter `railtracks.metrics`. */
  meter?: Meter;
  /** Default: the process-wide registry. */
  registry?: MetricsRegistry;
}

const attributes = (labels: MetricLabels | undefined): Attributes | undefined => labels as Attributes | undefined;

/**
 * Report the registry's instruments through an OpenTelemetry meter too. Returns the function
 * that stops mirroring.
 * @example
 * const stop = bridgeMetricsToOpenTelemetry(); // the global MeterProvider
 * counter('jobs_total').add(1, { queue: 'fast' }); // also an OTel counter add with { queue: 'fast' }
 */
export function bridgeMetricsToOpenTelemetry(options: MetricsBridgeOptions = {}): () => void {
  const meter = options.meter ?? metrics.getMeter('railtracks.metrics');
  const registry = options.registry ?? defaultRegistry;
  const undo: Array<() => void> = [];
  const stopListening = registry.onInstrument((instrument) => {
    const description = instrument.help === '' ? undefined : { description: instrument.help };
    if (instrument.kind === 'counter') {
      const otel = meter.createCounter(instrument.name, description);
      instrument.mirror = (n, labels) => otel.add(n, attributes(labels));
      undo.push(() => (instrument.mirror = undefined));
    } else if (instrument.kind === 'histogram') {
      const otel = meter.createHistogram(instrument.name, { ...description, advice: { explicitBucketBoundaries: [...instrument.buckets] } });
      instrument.mirror = (value, labels) => otel.record(value, attributes(labels));
      undo.push(() => (instrument.mirror = undefined));
    } else {
      const otel = meter.createObservableGauge(instrument.name, description);
      const read = (result: { observe(value: number, attributes?: Attributes): void }): void => {
        const data = instrument.data();
        if (data.kind !== 'gauge') return;
        for (const series of data.series) result.observe(series.value, series.labels);
      };
      otel.addCallback(read);
      undo.push(() => otel.removeCallback(read));
    }
  });
  return () => {
    stopListening();
    for (const step of undo.splice(0)) step();
  };
}
