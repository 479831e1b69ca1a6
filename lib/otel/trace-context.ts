/**
 * Trace context on records: while it is on, a record made where an OpenTelemetry span is active
 * carries `trace_id`, `span_id` and `trace_flags` (OpenTelemetry's names for logs outside OTLP,
 * so JSON lines show them as top-level fields), and — for Python peers on the wire —
 * `otelTraceID`, `otelSpanID`, `otelTraceSampled`, `otelServiceName`, the names Python's
 * `opentelemetry-instrumentation-logging` puts on its records. They are read synchronously in
 * the log call, never later in a batch. Text formats can use `%(otelTraceID)s` and friends; a
 * record made outside any span reads `0`, `0`, `False` and the service name there, as in Python.
 */
import { isSpanContextValid, trace } from '@opentelemetry/api';
import { addRecordEnricher } from '../core/record-enrichers.js';
import { LogRecord } from '../core/record.js';

export interface TraceContextOptions {
  /** `otelServiceName` on records (default `OTEL_SERVICE_NAME`, else empty, as Python). */
  serviceName?: string;
  /** Also put Python's `otel*` names in the record's fields, so the Python wire carries them (default true). */
  pythonNames?: boolean;
}

let removeEnricher: (() => void) | undefined;
let serviceName = '';

function fieldOf(record: LogRecord, key: string): unknown {
  return record.extra?.[key];
}

/** Python's defaults for a record made outside a span, readable by `%(name)s` formats. */
const PYTHON_FIELDS: Record<string, (record: LogRecord) => unknown> = {
  otelTraceID: (r) => fieldOf(r, 'trace_id') ?? '0',
  otelSpanID: (r) => fieldOf(r, 'span_id') ?? '0',
  otelTraceSampled: (r) => {
    const flags = fieldOf(r, 'trace_flags');
    return typeof flags === 'string' && (Number.parseInt(flags, 16) & 1) === 1;
  },
  otelServiceName: () => serviceName,
};

let gettersInstalled = false;

function installGetters(): void {
  if (gettersInstalled) return;
  gettersInstalled = true;
  for (const [name, read] of Object.entries(PYTHON_FIELDS)) {
    if (name in LogRecord.prototype) continue;
    Object.defineProperty(LogRecord.prototype, name, {
      configurable: true,
      enumerable: false,
      get(this: LogRecord) {
        return read(this);
      },
    });
  }
}

/**
 * Start stamping records with the active span's context; calling it again updates the options.
 * @example
 * enableTraceContext({ serviceName: 'checkout' });
 * tracer.startActiveSpan('charge', (span) => { log.info('charging'); span.end(); }); // record.extra.trace_id === span.spanContext().traceId
 */
export function enableTraceContext(options: TraceContextOptions = {}): void {
  serviceName = options.serviceName ?? process.env.OTEL_SERVICE_NAME ?? '';
  const pythonNames = options.pythonNames ?? true;
  installGetters();
  removeEnricher?.();
  removeEnricher = addRecordEnricher((record) => {
    const span = trace.getActiveSpan();
    if (span === undefined) return;
    const context = span.spanContext();
    if (!isSpanContextValid(context)) return;
    const flags = context.traceFlags.toString(16).padStart(2, '0');
    const fields: Record<string, unknown> = { trace_id: context.traceId, span_id: context.spanId, trace_flags: flags };
    if (pythonNames) {
      fields.otelTraceID = context.traceId;
      fields.otelSpanID = context.spanId;
      fields.otelTraceSampled = (context.traceFlags & 1) === 1;
      fields.otelServiceName = serviceName;
    }
    // Fields the caller gave explicitly win over the span's.
    record.extra = record.extra === undefined ? fields : { ...fields, ...record.extra };
  });
}

/**
 * Stop stamping records (the `%(otelTraceID)s` fields keep answering their defaults).
 * @example disableTraceContext();
 */
export function disableTraceContext(): void {
  removeEnricher?.();
  removeEnricher = undefined;
}
