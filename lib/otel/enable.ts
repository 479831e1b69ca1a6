/**
 * Two lines to a collector: `enableOpenTelemetry({ endpoint, serviceName })` wires logs and
 * traces to an OTLP/HTTP endpoint with batching, using the OpenTelemetry SDK packages the
 * application installed (they are not our dependencies; the 2.x SDK / 0.2xx experimental line
 * runs on Node 20). Missing packages are named in one error with the install command.
 */
import { context, trace } from '@opentelemetry/api';
import { logs } from '@opentelemetry/api-logs';
import type { Logger } from '../core/logger.js';
import { getLogger } from '../core/manager.js';
import { reportLoggingError } from '../core/logging-errors.js';
import { OTelHandler } from './otel-handler.js';
import { ReportingExporter } from './reporting-exporter.js';
import { disableTraceContext, enableTraceContext } from './trace-context.js';
import { enableCallSpans } from './call-spans.js';

/** The SDK line we test with on Node 20 (newer lines need Node 22). */
export const SDK_PACKAGES = {
  '@opentelemetry/sdk-logs': '0.223',
  '@opentelemetry/exporter-logs-otlp-http': '0.223',
  '@opentelemetry/sdk-trace-base': '2.12',
  '@opentelemetry/exporter-trace-otlp-http': '0.223',
  '@opentelemetry/resources': '2.12',
  '@opentelemetry/context-async-hooks': '2.12',
} as const;

export interface OpenTelemetryOptions {
  /** OTLP/HTTP base URL, e.g. `http://collector:4318` (default `OTEL_EXPORTER_OTLP_ENDPOINT`, else `http://localhost:4318`). */
  endpoint?: string;
  /** `service.name` of the resource, and `otelServiceName` on records (default `OTEL_SERVICE_NAME`, else the script name). */
  serviceName?: string;
  /** The logger whose records are exported (default the root logger: every logger that propagates). */
  logger?: Logger;
  /** Also set up tracing (a tracer provider exporting spans, registered globally). Default true. */
  traces?: boolean;
  /** How long `shutdown()` waits for pending exports before giving up and reporting it (default 5000 ms). */
  shutdownTimeoutMs?: number;
}

/** What {@link enableOpenTelemetry} set up; `shutdown()` exports what is pending and undoes it. */
export interface OpenTelemetrySetup {
  handler: OTelHandler;
  loggerProvider: unknown;
  tracerProvider: unknown;
  /** Export everything pending (logs and spans). */
  flush(): Promise<void>;
  shutdown(): Promise<void>;
}

type Module = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function loadSdk(names: readonly string[]): Promise<Record<string, Module>> {
  const loaded: Record<string, Module> = {};
  const missing: string[] = [];
  for (const name of names) {
    try {
      loaded[name] = (await import(name)) as Module;
    } catch (err) {
      if ((err as { code?: string }).code !== 'ERR_MODULE_NOT_FOUND') throw err;
      missing.push(name);
    }
  }
  if (missing.length > 0) {
    const spec = missing.map((n) => `${n}@${SDK_PACKAGES[n as keyof typeof SDK_PACKAGES]}`).join(' ');
    throw new Error(`enableOpenTelemetry needs the OpenTelemetry SDK; missing: ${missing.join(', ')}. Install them with: npm install ${spec}`);
  }
  return loaded;
}

/**
 * Export logs (and traces) to an OTLP/HTTP endpoint, batched; records carry the active span's
 * trace context. Call `shutdown()` (or the library's `flush()`) before `process.exit()`.
 * @example
 * const otel = await enableOpenTelemetry({ endpoint: 'http://127.0.0.1:4318', serviceName: 'checkout' });
 * getRtLogger('api').info('ready');
 * await otel.shutdown();
 */
export async function enableOpenTelemetry(options: OpenTelemetryOptions = {}): Promise<OpenTelemetrySetup> {
  const withTraces = options.traces ?? true;
  const names = Object.keys(SDK_PACKAGES).filter((n) => withTraces || !/trace|context-async/.test(n));
  const sdk = await loadSdk(names);
  const endpoint = (options.endpoint ?? process.env.OTEL_EXPORTER_OTLP_ENDPOINT ?? 'http://localhost:4318').replace(/\/+$/, '');
  const script = process.argv[1]?.split(/[\\/]/).pop()?.replace(/\.[cm]?[jt]s$/, '');
  const serviceName = options.serviceName ?? process.env.OTEL_SERVICE_NAME ?? script ?? 'node';
  const resource = sdk['@opentelemetry/resources']!.resourceFromAttributes({ 'service.name': serviceName });

  const { LoggerProvider, BatchLogRecordProcessor } = sdk['@opentelemetry/sdk-logs']!;
  const { OTLPLogExporter } = sdk['@opentelemetry/exporter-logs-otlp-http']!;
  const outage = { reported: false };
  const logExporter = new ReportingExporter(new OTLPLogExporter({ url: `${endpoint}/v1/logs` }), `logs to ${endpoint}/v1/logs`, outage);
  const loggerProvider = new LoggerProvider({ resource, processors: [new BatchLogRecordProcessor({ exporter: logExporter })] });
  logs.setGlobalLoggerProvider(loggerProvider);

  let tracerProvider: Module | undefined;
  if (withTraces) {
    const { BasicTracerProvider, BatchSpanProcessor } = sdk['@opentelemetry/sdk-trace-base']!;
    const { OTLPTraceExporter } = sdk['@opentelemetry/exporter-trace-otlp-http']!;
    const { AsyncLocalStorageContextManager } = sdk['@opentelemetry/context-async-hooks']!;
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    tracerProvider = new BasicTracerProvider({
      resource,
      spanProcessors: [new BatchSpanProcessor(new ReportingExporter(new OTLPTraceExporter({ url: `${endpoint}/v1/traces` }), `spans to ${endpoint}/v1/traces`, outage))],
    });
    trace.setGlobalTracerProvider(tracerProvider as never);
  }

  enableTraceContext({ serviceName });
  // With traces on, every instrument()/timed() call is a span of the run's trace.
  const stopCallSpans = withTraces ? enableCallSpans() : undefined;
  const handler = new OTelHandler({ loggerProvider });
  const logger = options.logger ?? getLogger();
  logger.addHandler(handler);

  const flush = async (): Promise<void> => {
    await Promise.all([loggerProvider.forceFlush(), tracerProvider?.forceFlush()]);
  };
  // The natural end of the event loop: export what is pending (process.exit() gives no such chance).
  const onBeforeExit = (): void => void flush().catch(() => undefined);
  process.on('beforeExit', onBeforeExit);
  let done: Promise<void> | undefined;
  return {
    handler,
    loggerProvider,
    tracerProvider,
    flush,
    shutdown: () => done ??= (async () => {
      process.removeListener('beforeExit', onBeforeExit);
      logger.removeHandler(handler);
      disableTraceContext();
      stopCallSpans?.();
      const timeoutMs = options.shutdownTimeoutMs ?? 5000;
      let timer: NodeJS.Timeout | undefined;
      const gaveUp = await Promise.race([
        Promise.all([handler.close(), tracerProvider?.shutdown()]).then(() => false),
        new Promise<boolean>((resolve) => { timer = setTimeout(() => resolve(true), timeoutMs); timer.unref(); }),
      ]);
      clearTimeout(timer);
      if (gaveUp && !outage.reported) {
        outage.reported = true;
        reportLoggingError(outage, new Error(`OpenTelemetry: the collector at ${endpoint} did not take the pending records within ${timeoutMs} ms; they are dropped`));
      }
      logs.disable();
      if (withTraces) {
        trace.disable();
        context.disable();
      }
    })(),
  };
}
