/**
 * OTelHandler and enableOpenTelemetry against a real OTLP/HTTP receiver (@elastic/mockotlpserver,
 * started here on 127.0.0.1), fed by the real OpenTelemetry SDK and OTLP/HTTP exporters:
 * decoded log records carry scope, severity, body, attributes, exception and the trace ids of
 * the span active at the call; spans and logs of one run share a trace.
 */
import { afterAll, afterEach, beforeAll, expect, test } from '@jest/globals';
import { context, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { OTLPLogExporter } from '@opentelemetry/exporter-logs-otlp-http';
import { BatchLogRecordProcessor, LoggerProvider } from '@opentelemetry/sdk-logs';
import { BasicTracerProvider } from '@opentelemetry/sdk-trace-base';
// @ts-expect-error the package ships no types
import { MockOtlpServer, normalizeLogs, normalizeTrace } from '@elastic/mockotlpserver';
import { addLevelName, captureCallSites, extra, getLogger } from '../../lib/index.js';
import { OTelHandler, enableOpenTelemetry } from '../../lib/otel/index.js';
import { resetLogging } from '../../lib/testing/index.js';

interface OtlpLog {
  timeUnixNano: string; severityNumber: number; severityText: string; body: unknown;
  attributes: Record<string, unknown>; traceId?: string; spanId?: string; scope: string; resource: Record<string, unknown>;
}
const received: OtlpLog[] = [];
const spans: Array<{ name: string; traceId: string; spanId: string; resource: Record<string, unknown> }> = [];
let server: { start(): Promise<void>; close(): Promise<void>; httpUrl: URL };

beforeAll(async () => {
  server = new MockOtlpServer({
    services: ['http'], httpHostname: '127.0.0.1', httpPort: 0, logLevel: 'warn',
    onLogs: (request: unknown) => {
      for (const rl of normalizeLogs(request).resourceLogs) {
        for (const sl of rl.scopeLogs) for (const r of sl.logRecords) received.push({ ...r, scope: sl.scope.name, resource: rl.resource.attributes });
      }
    },
    onTrace: (request: unknown) => {
      for (const rs of normalizeTrace(request).resourceSpans) {
        for (const ss of rs.scopeSpans) for (const s of ss.spans) spans.push({ ...s, resource: rs.resource.attributes });
      }
    },
  });
  await server.start();
});
afterAll(() => server.close());
afterEach(async () => {
  await resetLogging();
  received.length = 0;
  spans.length = 0;
});

async function until<T>(read: () => T | undefined): Promise<T> {
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

test('OTelHandler: scope, severity (custom level too), body, attributes, call site, exception, time and trace ids', async () => {
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  const tracer = new BasicTracerProvider().getTracer('t');
  const provider = new LoggerProvider({ processors: [new BatchLogRecordProcessor({ exporter: new OTLPLogExporter({ url: new URL('v1/logs', server.httpUrl).href }) })] });
  const handler = new OTelHandler({ loggerProvider: provider });
  const log = getLogger('svc.payments');
  log.addHandler(handler);
  log.setLevel('DEBUG');
  addLevelName(25, 'NOTICE');
  captureCallSites(true);
  let ids: { traceId: string; spanId: string } | undefined;
  tracer.startActiveSpan('charge', (span) => {
    ids = span.spanContext();
    log.error('charge %s failed', 'c-1', new TypeError('card declined'), extra({ user: 'ada', cart: { items: 2 } }));
    span.end();
  });
  log.log(25, 'notice me');
  const made = Date.now();
  await handler.flush();
  const [failed, notice] = await until(() => (received.length >= 2 ? received : undefined));
  expect(failed).toMatchObject({
    scope: 'svc.payments', severityNumber: 17, severityText: 'ERROR', body: 'charge c-1 failed',
    traceId: ids!.traceId, spanId: ids!.spanId,
    attributes: {
      user: 'ada', cart: { items: 2 }, 'exception.type': 'TypeError', 'exception.message': 'card declined',
      'code.function.name': expect.any(String), 'code.line.number': expect.any(Number),
    },
  });
  expect(failed!.attributes['exception.stacktrace']).toContain('TypeError: card declined');
  expect(String(failed!.attributes['code.file.path'])).toContain('otlp.receivers.test.ts');
  expect(Number(BigInt(failed!.timeUnixNano) / 1_000_000n)).toBeLessThanOrEqual(made);
  expect(notice).toMatchObject({ severityNumber: 11, severityText: 'NOTICE', body: 'notice me' });
  expect(notice!.traceId).toBeUndefined();
  await handler.close();
  context.disable();
});

test('enableOpenTelemetry: logs and spans of one run reach the endpoint in one trace, under the service name', async () => {
  const otel = await enableOpenTelemetry({ endpoint: new URL(server.httpUrl).origin, serviceName: 'checkout' });
  const tracer = trace.getTracer('app');
  await tracer.startActiveSpan('request', async (span) => {
    await new Promise((resolve) => setTimeout(resolve, 1));
    getLogger('api').warning('slow upstream');
    span.end();
  });
  await otel.shutdown();
  const log = await until(() => received.find((r) => r.body === 'slow upstream'));
  const span = await until(() => spans.find((s) => s.name === 'request'));
  expect(log.traceId).toBe(span.traceId);
  expect(log.spanId).toBe(span.spanId);
  expect(log.resource['service.name']).toBe('checkout');
  expect(span.resource['service.name']).toBe('checkout');
  expect(log.attributes).not.toHaveProperty('trace_id');
});

test('a collector that is down: logging never throws, shutdown gives up at its deadline, one report', async () => {
  const { createServer } = await import('node:net');
  const { spawn } = await import('node:child_process');
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const port = (closed.address() as { port: number }).port;
  await new Promise<void>((resolve) => closed.close(() => resolve()));
  const dist = new URL('../../dist/', import.meta.url).href;
  const script = `
    import { getLogger } from '${dist}index.js';
    import { enableOpenTelemetry } from '${dist}otel/index.js';
    const otel = await enableOpenTelemetry({ endpoint: 'http://127.0.0.1:${port}', serviceName: 'down', shutdownTimeoutMs: 300 });
    for (let i = 0; i < 5000; i++) getLogger('app').warning('record %d', i);
    console.log('logged');
    await otel.shutdown();
    console.log('shut down');
    process.exit(0);
  `;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script]);
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => { out += c.toString(); });
  child.stderr.on('data', (c: Buffer) => { err += c.toString(); });
  const code = await new Promise((resolve) => child.on('close', resolve));
  expect({ code, out }).toEqual({ code: 0, out: 'logged\nshut down\n' });
  expect(err.match(/--- Logging error ---/g)).toHaveLength(1);
  expect(err).toMatch(new RegExp(`OpenTelemetry: (exporting (logs|spans) to http://127.0.0.1:${port}|the collector at http://127.0.0.1:${port})`));
});
