// A Node service and a Python worker in one trace, shipped over OTLP/HTTP.
// Run: npm run build && node examples/otel-fleet.mjs [http://collector:4318]
// Without an endpoint it starts @elastic/mockotlpserver (a devDependency) on 127.0.0.1 and
// prints what arrived. Needs python3 (standard library only) for the worker.
import { spawn } from 'node:child_process';
import { trace, context, propagation } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { getLogger, extra, Formatter, StreamHandler } from '../dist/index.js';
import { enableOpenTelemetry } from '../dist/otel/index.js';

let endpoint = process.argv[2];
let server;
const arrived = [];
if (endpoint === undefined) {
  const { MockOtlpServer, normalizeLogs } = await import('@elastic/mockotlpserver');
  server = new MockOtlpServer({
    services: ['http'], httpHostname: '127.0.0.1', httpPort: 0, logLevel: 'warn',
    onLogs: (req) => {
      for (const rl of normalizeLogs(req).resourceLogs) for (const sl of rl.scopeLogs) for (const r of sl.logRecords) arrived.push(r);
    },
  });
  await server.start();
  endpoint = new URL(server.httpUrl).origin;
}

const otel = await enableOpenTelemetry({ endpoint, serviceName: 'checkout' });
propagation.setGlobalPropagator(new W3CTraceContextPropagator());
const console = new StreamHandler(process.stdout);
console.setFormatter(new Formatter('%(name)s %(levelname)s trace=%(otelTraceID)s span=%(otelSpanID)s %(message)s'));
getLogger().addHandler(console);
const log = getLogger('checkout.api');

// The Python worker logs with Python's field names, taking the trace from the `traceparent`
// it was handed (what opentelemetry-instrumentation-logging does with a real span).
const WORKER = String.raw`
import logging, os, sys
version, trace_id, parent_span, flags = os.environ['TRACEPARENT'].split('-')
class Otel(logging.Filter):
    def filter(self, record):
        record.otelTraceID, record.otelSpanID = trace_id, parent_span
        record.otelTraceSampled, record.otelServiceName = flags == '01', 'worker'
        return True
h = logging.StreamHandler(sys.stdout)
h.setFormatter(logging.Formatter('%(name)s %(levelname)s trace=%(otelTraceID)s span=%(otelSpanID)s %(message)s'))
h.addFilter(Otel())
logging.getLogger('worker').addHandler(h)
logging.getLogger('worker').warning('resized %d images', 3)
`;

await trace.getTracer('checkout').startActiveSpan('POST /checkout', async (span) => {
  log.warning('charging card', extra({ cart: 'c-42' }));
  const carrier = {};
  propagation.inject(context.active(), carrier);
  const worker = spawn('python3', ['-c', WORKER], { env: { ...process.env, TRACEPARENT: carrier.traceparent }, stdio: ['ignore', 'inherit', 'inherit'] });
  await new Promise((resolve) => worker.on('close', resolve));
  span.end();
});

await otel.shutdown();
if (server !== undefined) {
  while (arrived.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
  for (const r of arrived) process.stdout.write(`collector got: ${r.severityText} "${r.body}" trace=${r.traceId} span=${r.spanId}\n`);
  await server.close();
}
