/**
 * Trace context on records, with the real OpenTelemetry API and SDK tracer (async context via
 * AsyncLocalStorage): ids read at the call, JSON lines with top-level trace fields, Python's
 * `%(otelTraceID)s` names in text formats with Python's defaults outside a span, and nothing
 * added once it is disabled.
 */
import { afterAll, afterEach, beforeAll, expect, test } from '@jest/globals';
import { context, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { BasicTracerProvider } from '@opentelemetry/sdk-trace-base';
import { Formatter, JsonFormatter, extra, getLogger } from '../../lib/index.js';
import { disableTraceContext, enableTraceContext } from '../../lib/otel/index.js';
import { MemoryHandler, resetLogging } from '../../lib/testing/index.js';
import { DatagramHandler } from '../../lib/interop/index.js';
import { spawn } from 'node:child_process';
import { describeWithPython } from '../support/python.js';

const provider = new BasicTracerProvider();
const tracer = provider.getTracer('test');
beforeAll(() => {
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
});
afterAll(() => context.disable());
afterEach(async () => {
  disableTraceContext();
  await resetLogging();
});

function capture(formatter?: Formatter): MemoryHandler {
  const memory = new MemoryHandler();
  if (formatter) memory.setFormatter(formatter);
  const log = getLogger('traced');
  log.addHandler(memory);
  log.setLevel('DEBUG');
  return memory;
}

test('a record made in an active span carries its ids, read at the call even across await', async () => {
  enableTraceContext({ serviceName: 'checkout' });
  const memory = capture();
  let ids: { traceId: string; spanId: string } | undefined;
  await tracer.startActiveSpan('charge', async (span) => {
    ids = span.spanContext();
    await new Promise((resolve) => setTimeout(resolve, 1));
    getLogger('traced').info('charging', extra({ user: 'ada' }));
    span.end();
  });
  getLogger('traced').info('after');
  const [inside, after] = memory.records;
  expect(inside!.extra).toEqual({
    trace_id: ids!.traceId, span_id: ids!.spanId, trace_flags: '01',
    otelTraceID: ids!.traceId, otelSpanID: ids!.spanId, otelTraceSampled: true, otelServiceName: 'checkout', user: 'ada',
  });
  expect(after!.extra).toBeUndefined();
});

test('JSON lines have trace_id, span_id and trace_flags as top-level fields', () => {
  enableTraceContext({ pythonNames: false });
  const memory = capture(new JsonFormatter());
  const span = tracer.startSpan('op');
  context.with(trace.setSpan(context.active(), span), () => getLogger('traced').warning('in span'));
  span.end();
  const line = JSON.parse(memory.lines[0]!) as Record<string, unknown>;
  expect(line).toMatchObject({ trace_id: span.spanContext().traceId, span_id: span.spanContext().spanId, trace_flags: '01', message: 'in span' });
  expect(line).not.toHaveProperty('otelTraceID');
});

test("text formats read Python's otel names, with Python's defaults outside a span", () => {
  enableTraceContext({ serviceName: 'svc' });
  const memory = capture(new Formatter('%(message)s trace=%(otelTraceID)s span=%(otelSpanID)s sampled=%(otelTraceSampled)s service=%(otelServiceName)s'));
  getLogger('traced').info('outside');
  const span = tracer.startSpan('op');
  context.with(trace.setSpan(context.active(), span), () => getLogger('traced').info('inside'));
  span.end();
  const { traceId, spanId } = span.spanContext();
  expect(memory.lines).toEqual([
    'outside trace=0 span=0 sampled=False service=svc',
    `inside trace=${traceId} span=${spanId} sampled=True service=svc`,
  ]);
});

test('disabled, records get nothing even inside a span', () => {
  enableTraceContext();
  disableTraceContext();
  const memory = capture();
  tracer.startActiveSpan('op', (span) => {
    getLogger('traced').info('plain');
    span.end();
  });
  expect(memory.records[0]!.extra).toBeUndefined();
});

/** python3 receives one DatagramHandler frame, rebuilds the record and formats Python's otel fields. */
const PY_RECEIVER = String.raw`
import socket, pickle, logging, sys
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(('127.0.0.1', 0))
print(s.getsockname()[1], flush=True)
data, _ = s.recvfrom(65536)
record = logging.makeLogRecord(pickle.loads(data[4:]))
fmt = logging.Formatter('%(otelTraceID)s %(otelSpanID)s %(otelTraceSampled)s %(otelServiceName)s %(message)s')
print(fmt.format(record), flush=True)
`;

describeWithPython('the Python wire', () => {
  test("a record sent to python3 carries the trace under Python's otel names", async () => {
    enableTraceContext({ serviceName: 'node-api' });
    const child = spawn('python3', ['-c', PY_RECEIVER]);
    let out = '';
    child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    while (!out.includes('\n')) await new Promise((resolve) => setTimeout(resolve, 10));
    const handler = new DatagramHandler('127.0.0.1', Number(out.split('\n')[0]));
    getLogger('traced').addHandler(handler);
    const span = tracer.startSpan('op');
    context.with(trace.setSpan(context.active(), span), () => getLogger('traced').warning('over the wire'));
    span.end();
    await new Promise((resolve) => child.on('close', resolve));
    handler.close();
    const { traceId, spanId } = span.spanContext();
    expect(out.split('\n')[1]).toBe(`${traceId} ${spanId} True node-api over the wire`);
  });
});
