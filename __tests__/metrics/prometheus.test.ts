import { describe, expect, test } from '@jest/globals';
import { MetricsRegistry, toPrometheusText } from '../../lib/telemetry/index.js';
import { checkMetrics } from '../support/promtool.js';

function sampleRegistry(): MetricsRegistry {
  const r = new MetricsRegistry();
  r.counter('rt_jobs_total', { help: 'Jobs finished, by queue' }).add(3, { queue: 'fast' });
  r.counter('rt_jobs_total').add(1, { queue: 'slow "q"\\\n' });
  r.gauge('rt_queue_depth', { help: 'Jobs waiting' }).set(2.5);
  const h = r.histogram('rt_call_duration_seconds', { help: 'Call time\nin seconds', buckets: [0.001, 0.01] });
  h.record(0.0005, { name: 'embed' });
  h.record(0.02, { name: 'embed' });
  return r;
}

describe('toPrometheusText', () => {
  test('writes HELP, TYPE, escaped labels, cumulative buckets ending in +Inf, _sum and _count', () => {
    expect(toPrometheusText(sampleRegistry())).toBe([
      '# HELP rt_jobs_total Jobs finished, by queue',
      '# TYPE rt_jobs_total counter',
      'rt_jobs_total{queue="fast"} 3',
      'rt_jobs_total{queue="slow \\"q\\"\\\\\\n"} 1',
      '# HELP rt_queue_depth Jobs waiting',
      '# TYPE rt_queue_depth gauge',
      'rt_queue_depth 2.5',
      '# HELP rt_call_duration_seconds Call time\\nin seconds',
      '# TYPE rt_call_duration_seconds histogram',
      'rt_call_duration_seconds_bucket{name="embed",le="0.001"} 1',
      'rt_call_duration_seconds_bucket{name="embed",le="0.01"} 1',
      'rt_call_duration_seconds_bucket{name="embed",le="+Inf"} 2',
      'rt_call_duration_seconds_sum{name="embed"} 0.0205',
      'rt_call_duration_seconds_count{name="embed"} 2',
      '',
    ].join('\n'));
  });

  test("Prometheus' own promtool accepts the exposition (and rejects a broken one, so the check is real)", () => {
    const ok = checkMetrics(toPrometheusText(sampleRegistry()));
    expect(ok).toEqual({ status: 0, output: '' });
    const broken = checkMetrics('# TYPE x counter\nx{le="1" 3\n');
    expect(broken.status).not.toBe(0);
  });
});
