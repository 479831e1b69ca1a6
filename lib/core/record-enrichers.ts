/**
 * The record-enricher hook: functions that a layer above the core installs to add fields to
 * every record at the moment of the log call, synchronously, in the caller's async context
 * (trace context is the use: `railtracks-observability/otel` reads the active span here).
 * The core knows nothing of what an enricher adds. With none installed a log call pays one
 * boolean read; an enricher that throws is reported and the record goes on without it.
 */
import { reportLoggingError } from './logging-errors.js';
import type { LogRecord } from './record.js';

/** Adds fields to a record (usually to `record.extra`) while the log call is still on the stack. */
export type RecordEnricher = (record: LogRecord) => void;

let enrichers: readonly RecordEnricher[] = [];
/** True while at least one enricher is installed; the logger reads it before calling {@link enrichRecord}. */
export let enrichersInstalled = false;

/**
 * Install `enricher` for every record made from now on; returns the function that removes it.
 * @example const remove = addRecordEnricher((r) => { r.extra = { ...r.extra, region: 'eu-1' }; });
 */
export function addRecordEnricher(enricher: RecordEnricher): () => void {
  if (!enrichers.includes(enricher)) enrichers = [...enrichers, enricher];
  enrichersInstalled = true;
  return () => {
    enrichers = enrichers.filter((e) => e !== enricher);
    enrichersInstalled = enrichers.length > 0;
  };
}

/** Remove every enricher (resetLogging). @internal */
export function resetRecordEnrichers(): void {
  enrichers = [];
  enrichersInstalled = false;
}

/** @internal called by the logger for each record it makes while {@link enrichersInstalled}. */
export function enrichRecord(record: LogRecord): void {
  for (const enricher of enrichers) {
    try {
      enricher(record);
    } catch (err) {
      reportLoggingError(enricher, err, { msg: record.msg, args: record.args });
    }
  }
}
