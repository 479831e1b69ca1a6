/**
 * instrument()/timed() calls as spans through the real SDK tracer (in-memory exporter): nested
 * under the active span, a failure recorded with ERROR status, and the call's own log records
 * carrying its span's ids.
 */
import { afterAll, afterEach, beforeAll, expect, test } from '@jest/globals';
import { context, SpanStatusCode } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { getRtLogger, instrument, timed } from '../../lib/index.js';
import { disableTraceContext, enableCallSpans, enableTraceContext } from '../../lib/otel/index.js';
import { MemoryHandler, resetLogging } from '../../lib/testing/index.js';

const exporter = new InMemorySpanExporter();
const tracer = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }).getTracer('test');
let stop: () => void;
beforeAll(() => {
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  stop = enableCallSpans({ tracer });
});
afterAll(() => {
  stop();
  context.disable();
});
afterEach(async () => {
  exporter.reset();
  disableTraceContext();
  await resetLogging();
});

test('an agent run is one trace: nested instrumented calls are child spans of the active span', async () => {
  const embed = instrument(async (text: string) => text.length, { name: 'embed', metrics: false });
  const plan = instrument(async () => { await embed('a'); await embed('bb'); return 'ok'; }, { name: 'plan', metrics: false });
  await tracer.startActiveSpan('request', async (request) => {
    expect(await plan()).toBe('ok');
    request.end();
  });
  const spans = exporter.getFinishedSpans();
  const byName = (name: string) => spans.filter((s) => s.name === name);
  const [request] = byName('request');
  const [planSpan] = byName('plan');
  expect(planSpan!.parentSpanContext?.spanId).toBe(request!.spanContext().spanId);
  expect(byName('embed').map((s) => s.parentSpanContext?.spanId)).toEqual([planSpan!.spanContext().spanId, planSpan!.spanContext().spanId]);
  expect(new Set(spans.map((s) => s.spanContext().traceId)).size).toBe(1);
});

test('a failing call records its exception and ERROR status, and still throws the same error', () => {
  const boom = new Error('quota exceeded');
  expect(() => timed('tool', () => { throw boom; }, { metrics: false })).toThrow(boom);
  const [span] = exporter.getFinishedSpans();
  expect(span!.name).toBe('tool');
  expect(span!.status).toEqual({ code: SpanStatusCode.ERROR, message: 'quota exceeded' });
  expect(span!.events.map((e) => [e.name, e.attributes?.['exception.message']])).toEqual([['exception', 'quota exceeded']]);
});

test("the call's own CREATED/DONE records carry its span's trace and span ids", () => {
  enableTraceContext({ serviceName: 'svc' });
  const memory = new MemoryHandler();
  getRtLogger().addHandler(memory);
  getRtLogger().setLevel('INFO');
  timed('step', () => 1, { metrics: false });
  const [span] = exporter.getFinishedSpans();
  expect(memory.records.map((r) => [r.getMessage().split(' (')[0], r.field('trace_id'), r.field('span_id')])).toEqual([
    ['step CREATED', span!.spanContext().traceId, span!.spanContext().spanId],
    ['step DONE', span!.spanContext().traceId, span!.spanContext().spanId],
  ]);
});
