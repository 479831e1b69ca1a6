/**
 * `railtracks-observability/telemetry`: runtime telemetry built on the logger tree — metrics
 * (counters, gauges, histograms) published as log records and as Prometheus text, a resource
 * monitor, a flight recorder, a state dump on a signal, and a run report at exit. Each is off
 * until started, and importing this entry starts nothing.
 */
export { counter, gauge, histogram, snapshot, MetricsRegistry, Counter, Gauge, Histogram, DEFAULT_BUCKETS, MAX_SERIES, defaultRegistry } from '../metrics/registry.js';
export type { MetricLabels, MetricSnapshot, MetricData, CounterSeries, GaugeSeries, HistogramSeries, InstrumentOptions, HistogramOptions } from '../metrics/registry.js';
export { toPrometheusText } from '../metrics/prometheus.js';
export { publishMetrics, summariseSnapshot } from './metrics-publisher.js';
export type { MetricsPublisher, MetricsPublisherOptions } from './metrics-publisher.js';
export { monitorResources } from './resource-monitor.js';
export type { ResourceMonitor, ResourceMonitorOptions, ResourceSample, ResourcePeaks } from './resource-monitor.js';
export { readProcIo, readProcStatus } from './proc-files.js';
export type { ProcIo, ProcStatus } from './proc-files.js';
export { FlightRecorder, attachFlightRecorder } from './flight-recorder.js';
export type { FlightRecorderOptions } from './flight-recorder.js';
export { onDumpSignal } from './dump-signal.js';
export type { DumpSignal, DumpSignalOptions } from './dump-signal.js';
export { processState } from './process-state.js';
export type { ProcessState, HandlerState } from './process-state.js';
export { trackStampManager, untrackStampManager } from './stamp-tracking.js';
export type { StampSummary } from './stamp-tracking.js';
export { enableRunReport } from './run-report.js';
export type { RunReport, RunReporter, RunReportOptions, ReportedError } from './run-report.js';
