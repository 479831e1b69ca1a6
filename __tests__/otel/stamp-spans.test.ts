/**
 * A StampManager exported as spans through the real SDK tracer (in-memory exporter): one
 * parent, one span per step with its stamps as events at their times, nested under the
 * span active where it is exported.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { context } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { exportStampsAsSpans } from '../../lib/otel/index.js';
import { StampManager } from '../../lib/profiling/index.js';

const exporter = new InMemorySpanExporter();
const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
const tracer = provider.getTracer('test');
beforeAll(() => {
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
});
afterAll(() => context.disable());

const toMs = ([s, ns]: [number, number]) => s * 1000 + ns / 1e6;

test('one span per step with stamps as events, under the active span', () => {
  const sm = new StampManager();
  sm.createStamp('Session start');
  const group = sm.stampCreator();
  group('chunk-A embedded');
  group('chunk-B embedded');
  sm.createStamp('Session end');
  const stamps = sm.allStamps;
  tracer.startActiveSpan('request', (request) => {
    exportStampsAsSpans(sm, { tracer, name: 'agent run' });
    request.end();
  });
  const spans = exporter.getFinishedSpans();
  const byName = new Map(spans.map((s) => [s.name, s]));
  const request = byName.get('request')!;
  const run = byName.get('agent run')!;
  expect(run.parentSpanContext?.spanId).toBe(request.spanContext().spanId);
  const steps = spans.filter((s) => s.parentSpanContext?.spanId === run.spanContext().spanId);
  expect(steps.map((s) => s.name)).toEqual(['Session start', 'chunk-A embedded', 'Session end']);
  expect(steps.every((s) => s.spanContext().traceId === request.spanContext().traceId)).toBe(true);
  expect(steps[1]!.events.map((e) => e.name)).toEqual(['chunk-A embedded', 'chunk-B embedded']);
  expect(steps[1]!.events.map((e) => toMs(e.time))).toEqual([stamps[1]!.time * 1000, stamps[2]!.time * 1000].map((t) => expect.closeTo(t, 3)));
  expect(toMs(steps[0]!.endTime)).toBeCloseTo(toMs(steps[1]!.startTime), 3);
  expect(toMs(run.startTime)).toBeCloseTo(stamps[0]!.time * 1000, 3);
});

test('no stamps, no spans', () => {
  expect(exportStampsAsSpans(new StampManager(), { tracer })).toBeUndefined();
});
