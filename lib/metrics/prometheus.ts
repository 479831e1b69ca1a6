/**
 * The Prometheus text exposition format (version 0.0.4) of a metrics snapshot: `# HELP` and
 * `# TYPE` per metric, one line per series, histograms as cumulative `_bucket{le=…}` lines
 * ending in `+Inf`, then `_sum` and `_count`. `promtool check metrics` accepts the output
 * (tested with Prometheus' own promtool).
 */
import { defaultRegistry, type MetricLabels, type MetricSnapshot, type MetricsRegistry } from './registry.js';

/** Label values escape backslash, double quote and newline; HELP text backslash and newline. */
function labelValue(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

function helpText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
}

function labelSet(labels: MetricLabels, extra?: [string, string]): string {
  const parts = Object.entries(labels).map(([k, v]) => `${k}="${labelValue(String(v))}"`);
  if (extra !== undefined) parts.push(`${extra[0]}="${labelValue(extra[1])}"`);
  return parts.length === 0 ? '' : `{${parts.join(',')}}`;
}

/** Go's float formatting as Prometheus writes it: `+Inf`, `-Inf`, `NaN`, else the shortest number. */
function sample(value: number): string {
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  if (Number.isNaN(value)) return 'NaN';
  return String(value);
}

/**
 * Render a snapshot (default: the process-wide registry now) as Prometheus text.
 * @example
 * counter('jobs_total', { help: 'Jobs finished' }).add(2);
 * toPrometheusText(); // '# HELP jobs_total Jobs finished\n# TYPE jobs_total counter\njobs_total 2\n'
 */
export function toPrometheusText(source: MetricSnapshot | MetricsRegistry = defaultRegistry): string {
  const snap = 'metrics' in source ? source : source.snapshot();
  let out = '';
  for (const metric of snap.metrics) {
    if (metric.help !== '') out += `# HELP ${metric.name} ${helpText(metric.help)}\n`;
    out += `# TYPE ${metric.name} ${metric.kind}\n`;
    if (metric.kind === 'histogram') {
      for (const series of metric.series) {
        let cumulative = 0;
        metric.buckets.forEach((bound, i) => {
          cumulative += series.counts[i]!;
          out += `${metric.name}_bucket${labelSet(series.labels, ['le', sample(bound)])} ${cumulative}\n`;
        });
        out += `${metric.name}_bucket${labelSet(series.labels, ['le', '+Inf'])} ${series.count}\n`;
        out += `${metric.name}_sum${labelSet(series.labels)} ${sample(series.sum)}\n`;
        out += `${metric.name}_count${labelSet(series.labels)} ${series.count}\n`;
      }
    } else {
      for (const series of metric.series) out += `${metric.name}${labelSet(series.labels)} ${sample(series.value)}\n`;
    }
  }
  return out;
}
