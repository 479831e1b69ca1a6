/**
 * `railtracks-observability/otel`: OpenTelemetry — trace context on records, an `OTelHandler`
 * that emits through a `LoggerProvider`, and `enableOpenTelemetry` for an OTLP endpoint in two
 * lines. Needs `@opentelemetry/api` and `@opentelemetry/api-logs` (optional peer dependencies);
 * the root entry never loads them.
 */
import './dict-config.js';

export { enableTraceContext, disableTraceContext } from './trace-context.js';
export type { TraceContextOptions } from './trace-context.js';
export { OTelHandler } from './otel-handler.js';
export type { OTelHandlerOptions } from './otel-handler.js';
export { otelSeverity } from './severity.js';
export { recordAttributes } from './record-attributes.js';
export { enableOpenTelemetry, SDK_PACKAGES } from './enable.js';
export type { OpenTelemetryOptions, OpenTelemetrySetup } from './enable.js';
export { exportStampsAsSpans } from './stamp-spans.js';
export { enableCallSpans } from './call-spans.js';
export { bridgeMetricsToOpenTelemetry } from './metrics-bridge.js';
export type { MetricsBridgeOptions } from './metrics-bridge.js';
export type { CallSpanOptions } from './call-spans.js';
export type { StampSpanOptions } from './stamp-spans.js';
