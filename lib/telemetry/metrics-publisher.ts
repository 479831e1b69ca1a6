/**
 * Metrics through the logger: a snapshot of the registry becomes one structured record
 * (`RT.metrics` by default) every N seconds and on demand, so metrics reach every output logs
 * reach — files, JSON lines, the Python wire. The record's `metrics` field is the snapshot; its
 * message a one-line summary a person can read.
 */
import { INFO, type Level, toLevelNumber } from '../core/levels.js';
import { extra } from '../core/record.js';
import type { Logger } from '../core/logger.js';
import { defaultRegistry, type MetricSnapshot, type MetricsRegistry } from '../metrics/registry.js';
import { getRtLogger } from '../railtracks/rt-logger.js';

export interface MetricsPublisherOptions {
  /** Default `RT.metrics`. */
  logger?: Logger;
  /** Every this many milliseconds; 0 (default 60 000 → every minute) publishes only on demand. */
  intervalMs?: number;
  /** Default INFO. */
  level?: Level;
  /** Default: the process-wide registry. */
  registry?: MetricsRegistry;
}

/** A running publisher. */
export interface MetricsPublisher {
  /** Log a snapshot now, and return it. */
  publish(): MetricSnapshot;
  /** Stop the timer; safe to call twice. */
  stop(): void;
}

/** `jobs_total=3 queue_depth=1 call_ms{count=5 sum=81.2}`: every series, labels folded in. */
export function summariseSnapshot(snap: MetricSnapshot): string {
  const parts: string[] = [];
  for (const metric of snap.metrics) {
    for (const series of metric.series) {
      const labels = Object.entries(series.labels).map(([k, v]) => `${k}=${v}`).join(',');
      const name = labels === '' ? metric.name : `${metric.name}{${labels}}`;
      if ('value' in series) parts.push(`${name}=${round(series.value)}`);
      else parts.push(`${name}{count=${series.count} sum=${round(series.sum)}}`);
    }
  }
  return parts.length === 0 ? 'no metrics recorded' : parts.join(' ');
}

function round(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toFixed(3)));
}

/**
 * Publish metric snapshots as log records. The timer never keeps the process alive.
 * @example
 * const publisher = publishMetrics({ intervalMs: 10_000 });
 * counter('jobs_total').add();
 * publisher.publish(); // RT.metrics INFO "metrics: jobs_total=1", record.extra.metrics = the snapshot
 * publisher.stop();
 */
export function publishMetrics(options: MetricsPublisherOptions = {}): MetricsPublisher {
  const logger = options.logger ?? getRtLogger('metrics');
  const registry = options.registry ?? defaultRegistry;
  const level = toLevelNumber(options.level ?? INFO);
  const intervalMs = options.intervalMs ?? 60_000;
  if (!(intervalMs >= 0) || !Number.isFinite(intervalMs)) {
    throw new TypeError(`publishMetrics: intervalMs must be a number of milliseconds >= 0 (0 = on demand only), got ${String(options.intervalMs)}`);
  }
  const publish = (): MetricSnapshot => {
    const snap = registry.snapshot();
    logger.log(level, 'metrics: %s', summariseSnapshot(snap), extra({ metrics: snap }));
    return snap;
  };
  let timer: NodeJS.Timeout | undefined = intervalMs > 0 ? setInterval(publish, intervalMs) : undefined;
  timer?.unref();
  return {
    publish,
    stop() {
      if (timer !== undefined) clearInterval(timer);
      timer = undefined;
    },
  };
}
