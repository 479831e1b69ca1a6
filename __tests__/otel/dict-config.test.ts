/**
 * dictConfig builds OTelHandler from Python's class name once `/otel` is imported, and it emits
 * through the global LoggerProvider (the real SDK, in-memory exporter).
 */
import { afterEach, expect, test } from '@jest/globals';
import { logs } from '@opentelemetry/api-logs';
import { InMemoryLogRecordExporter, LoggerProvider, SimpleLogRecordProcessor } from '@opentelemetry/sdk-logs';
import { getLogger } from '../../lib/index.js';
import { configure } from '../../lib/interop/index.js';
import { OTelHandler } from '../../lib/otel/index.js';
import { resetLogging } from '../../lib/testing/index.js';

afterEach(async () => {
  logs.disable();
  await resetLogging();
});

test("class 'opentelemetry.sdk._logs.LoggingHandler' gives an OTelHandler on the global provider", () => {
  const exporter = new InMemoryLogRecordExporter();
  logs.setGlobalLoggerProvider(new LoggerProvider({ processors: [new SimpleLogRecordProcessor({ exporter })] }));
  configure({
    version: 1,
    handlers: { otel: { class: 'opentelemetry.sdk._logs.LoggingHandler', level: 'INFO' } },
    loggers: { 'app.orders': { handlers: ['otel'], level: 'DEBUG' } },
  });
  expect(getLogger('app.orders').handlers[0]).toBeInstanceOf(OTelHandler);
  getLogger('app.orders').debug('below the handler level');
  getLogger('app.orders').info('order %d placed', 7);
  const [record] = exporter.getFinishedLogRecords();
  expect(exporter.getFinishedLogRecords()).toHaveLength(1);
  expect(record!.body).toBe('order 7 placed');
  expect(record!.instrumentationScope.name).toBe('app.orders');
  expect(() => configure({ version: 1, handlers: { otel: { class: 'OTelHandler', logger_provider: 'x' } } })).toThrow(/global LoggerProvider/);
});

test("the library's flush() exports what an OTelHandler's batching provider holds", async () => {
  const { BatchLogRecordProcessor } = await import('@opentelemetry/sdk-logs');
  const { flush } = await import('../../lib/railtracks/logging-setup.js');
  const exporter = new InMemoryLogRecordExporter();
  const provider = new LoggerProvider({ processors: [new BatchLogRecordProcessor({ exporter, scheduledDelayMillis: 60_000 })] });
  getLogger('batched').addHandler(new OTelHandler({ loggerProvider: provider }));
  getLogger('batched').warning('held in the batch');
  expect(exporter.getFinishedLogRecords()).toHaveLength(0);
  await flush();
  expect(exporter.getFinishedLogRecords().map((r) => r.body)).toEqual(['held in the batch']);
  await provider.shutdown();
});
