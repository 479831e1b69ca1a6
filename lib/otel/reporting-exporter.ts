/**
 * Wraps an OpenTelemetry exporter so that a collector that does not answer is reported once
 * through the library's error reports (not once per batch): the first failed export says
 * where and why; later failures are counted until an export succeeds again.
 */
import { reportLoggingError } from '../core/logging-errors.js';

interface ExportResult { code: number; error?: Error }
/** The shape shared by the SDK's log and span exporters. */
export interface Exporter<T> {
  export(items: T[], done: (result: ExportResult) => void): void;
  shutdown(): Promise<void>;
  forceFlush?(): Promise<void>;
}

export class ReportingExporter<T> implements Exporter<T> {
  readonly #inner: Exporter<T>;
  readonly #what: string;
  #failing = false;
  /** Items whose export failed since the handler was created. */
  undelivered = 0;
  /** Shared with the other exporters of one setup so that an outage is reported once. */
  readonly outage: { reported: boolean };

  constructor(inner: Exporter<T>, what: string, outage: { reported: boolean }) {
    this.#inner = inner;
    this.#what = what;
    this.outage = outage;
  }

  export(items: T[], done: (result: ExportResult) => void): void {
    this.#inner.export(items, (result) => {
      if (result.code !== 0) {
        this.undelivered += items.length;
        if (!this.#failing && !this.outage.reported) {
          this.outage.reported = true;
          reportLoggingError(this.outage, new Error(`OpenTelemetry: exporting ${this.#what} failed (${result.error?.message ?? 'no answer'}); `
            + 'records are dropped while the collector is unreachable (the SDK keeps a bounded queue)'));
        }
        this.#failing = true;
      } else if (this.#failing) {
        this.#failing = false;
        this.outage.reported = false;
      }
      done(result);
    });
  }

  shutdown(): Promise<void> {
    return this.#inner.shutdown();
  }

  forceFlush(): Promise<void> {
    return this.#inner.forceFlush?.() ?? Promise.resolve();
  }
}
