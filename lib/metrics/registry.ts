/**
 * Counters, gauges and histograms held in a registry, read out as one typed snapshot. The
 * snapshot is what every output shares: the publisher logs it as a structured record (so
 * metrics go wherever logs go), `toPrometheusText` renders it for a scrape, the dump signal
 * and the run report include it.
 *
 * Labels are optional per call (`add(1, { route: '/x' })`); each distinct label set is one
 * series. An instrument is created once per name and returned again on the next call.
 */

/** Label values by label name; values are strings (numbers and booleans are turned into text). */
export type MetricLabels = Readonly<Record<string, string | number | boolean>>;

/** Prometheus' rule for metric and label names, which every instrument name follows. */
const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/**
 * Buckets for durations in seconds (Prometheus' base unit), from 1 ms to 10 s: what
 * `instrument()` records.
 */
export const DEFAULT_BUCKETS: readonly number[] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** At most this many series per instrument; later label sets are counted in `droppedSeries`. */
export const MAX_SERIES = 1000;

export interface CounterSeries { readonly labels: Record<string, string>; readonly value: number }
export interface GaugeSeries { readonly labels: Record<string, string>; readonly value: number }
export interface HistogramSeries {
  readonly labels: Record<string, string>;
  /** Count per bucket (not cumulative), one more than `buckets`: the last is above the top bucket. */
  readonly counts: readonly number[];
  readonly sum: number;
  readonly count: number;
}

/** One instrument's state in a snapshot. */
export type MetricData =
  | { readonly kind: 'counter'; readonly name: string; readonly help: string; readonly series: readonly CounterSeries[]; readonly droppedSeries: number }
  | { readonly kind: 'gauge'; readonly name: string; readonly help: string; readonly series: readonly GaugeSeries[]; readonly droppedSeries: number }
  | { readonly kind: 'histogram'; readonly name: string; readonly help: string; readonly buckets: readonly number[]; readonly series: readonly HistogramSeries[]; readonly droppedSeries: number };

/**
 * Every instrument at one moment, in creation order.
 * @example const snap: MetricSnapshot = snapshot(); snap.metrics.map((m) => m.name);
 */
export interface MetricSnapshot {
  /** Epoch milliseconds when the snapshot was taken. */
  readonly timestamp: number;
  readonly metrics: readonly MetricData[];
}

export interface InstrumentOptions {
  /** One line saying what is measured (Prometheus `# HELP`). */
  help?: string;
}

export interface HistogramOptions extends InstrumentOptions {
  /** Upper bounds, increasing; default {@link DEFAULT_BUCKETS}. */
  buckets?: readonly number[];
}

/** Series of one instrument, keyed by their canonical label text. */
class SeriesTable<S> {
  readonly #rows = new Map<string, { labels: Record<string, string>; state: S }>();
  droppedSeries = 0;
  constructor(readonly name: string, readonly make: () => S) {}

  get(labels: MetricLabels | undefined): S | undefined {
    const key = labelKey(this.name, labels);
    const row = this.#rows.get(key);
    if (row !== undefined) return row.state;
    if (this.#rows.size >= MAX_SERIES) {
      this.droppedSeries++;
      return undefined;
    }
    const state = this.make();
    this.#rows.set(key, { labels: labelText(labels), state });
    return state;
  }

  rows(): Array<{ labels: Record<string, string>; state: S }> {
    return [...this.#rows.values()];
  }
}

function labelText(labels: MetricLabels | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (labels !== undefined) for (const key of Object.keys(labels).sort()) out[key] = String(labels[key]);
  return out;
}

function labelKey(metric: string, labels: MetricLabels | undefined): string {
  if (labels === undefined) return '';
  let key = '';
  for (const name of Object.keys(labels).sort()) {
    if (!LABEL_NAME.test(name) || name.startsWith('__')) {
      throw new TypeError(`metric ${metric}: label name ${JSON.stringify(name)} must match [a-zA-Z_][a-zA-Z0-9_]* and not start with __`);
    }
    key += `${name}\u0000${String(labels[name])}\u0001`;
  }
  return key;
}

/** A value that only goes up: requests served, bytes written. @example counter('jobs_total').add(1) */
export class Counter {
  readonly kind = 'counter' as const;
  /** @internal set by a bridge (OpenTelemetry) that repeats every add. */
  mirror: ((n: number, labels: MetricLabels | undefined) => void) | undefined = undefined;
  readonly #table: SeriesTable<{ value: number }>;
  constructor(readonly name: string, readonly help: string) {
    this.#table = new SeriesTable(name, () => ({ value: 0 }));
  }

  /** Add `n` (default 1); a negative or non-finite `n` is refused with a TypeError. */
  add(n = 1, labels?: MetricLabels): void {
    if (!(n >= 0) || !Number.isFinite(n)) throw new TypeError(`counter ${this.name}: add() takes a finite number >= 0, got ${String(n)}`);
    const series = this.#table.get(labels);
    if (series !== undefined) series.value += n;
    this.mirror?.(n, labels);
  }

  /** @internal */
  data(): MetricData {
    return { kind: 'counter', name: this.name, help: this.help, droppedSeries: this.#table.droppedSeries,
      series: this.#table.rows().map(({ labels, state }) => ({ labels, value: state.value })) };
  }
}

/** A value that goes up and down: queue depth, open files. @example gauge('queue_depth').set(3) */
export class Gauge {
  readonly kind = 'gauge' as const;
  readonly #table: SeriesTable<{ value: number }>;
  constructor(readonly name: string, readonly help: string) {
    this.#table = new SeriesTable(name, () => ({ value: 0 }));
  }

  set(value: number, labels?: MetricLabels): void {
    const series = this.#table.get(labels);
    if (series !== undefined) series.value = value;
  }

  add(n: number, labels?: MetricLabels): void {
    const series = this.#table.get(labels);
    if (series !== undefined) series.value += n;
  }

  /** @internal */
  data(): MetricData {
    return { kind: 'gauge', name: this.name, help: this.help, droppedSeries: this.#table.droppedSeries,
      series: this.#table.rows().map(({ labels, state }) => ({ labels, value: state.value })) };
  }
}

/** A distribution: how long calls took, how big payloads were. @example histogram('call_duration_seconds').record(0.0125) */
export class Histogram {
  readonly kind = 'histogram' as const;
  /** @internal set by a bridge (OpenTelemetry) that repeats every record. */
  mirror: ((value: number, labels: MetricLabels | undefined) => void) | undefined = undefined;
  readonly buckets: readonly number[];
  readonly #table: SeriesTable<{ counts: number[]; sum: number; count: number }>;
  constructor(readonly name: string, readonly help: string, buckets: readonly number[]) {
    if (buckets.length === 0 || buckets.some((b, i) => !Number.isFinite(b) || (i > 0 && b <= buckets[i - 1]!))) {
      throw new TypeError(`histogram ${name}: buckets must be finite and strictly increasing, got [${buckets.join(', ')}]`);
    }
    this.buckets = Object.freeze([...buckets]);
    this.#table = new SeriesTable(name, () => ({ counts: new Array<number>(buckets.length + 1).fill(0), sum: 0, count: 0 }));
  }

  /** Record one observation; NaN is ignored. */
  record(value: number, labels?: MetricLabels): void {
    if (Number.isNaN(value)) return;
    const series = this.#table.get(labels);
    if (series === undefined) return;
    let i = 0;
    while (i < this.buckets.length && value > this.buckets[i]!) i++;
    series.counts[i]!++;
    series.sum += value;
    series.count++;
    this.mirror?.(value, labels);
  }

  /** @internal */
  data(): MetricData {
    return { kind: 'histogram', name: this.name, help: this.help, buckets: this.buckets, droppedSeries: this.#table.droppedSeries,
      series: this.#table.rows().map(({ labels, state }) => ({ labels, counts: [...state.counts], sum: state.sum, count: state.count })) };
  }
}

/** Any of the three instruments. */
export type Instrument = Counter | Gauge | Histogram;

/**
 * Holds instruments by name. Most programs use the process-wide one through {@link counter},
 * {@link gauge}, {@link histogram} and {@link snapshot}; a registry of its own keeps a
 * library's or a test's metrics apart.
 * @example
 * const registry = new MetricsRegistry();
 * registry.counter('jobs_total').add();
 * registry.snapshot().metrics[0]; // { kind: 'counter', name: 'jobs_total', series: [{ labels: {}, value: 1 }], … }
 */
export class MetricsRegistry {
  readonly #instruments = new Map<string, Instrument>();
  readonly #listeners: Array<(instrument: Instrument) => void> = [];

  counter(name: string, options: InstrumentOptions = {}): Counter {
    return this.#get(name, 'counter', () => new Counter(name, options.help ?? ''));
  }

  gauge(name: string, options: InstrumentOptions = {}): Gauge {
    return this.#get(name, 'gauge', () => new Gauge(name, options.help ?? ''));
  }

  histogram(name: string, options: HistogramOptions = {}): Histogram {
    return this.#get(name, 'histogram', () => new Histogram(name, options.help ?? '', options.buckets ?? DEFAULT_BUCKETS));
  }

  /** Every instrument's current state. */
  snapshot(): MetricSnapshot {
    return { timestamp: Date.now(), metrics: [...this.#instruments.values()].map((i) => i.data()) };
  }

  /** Forget every instrument (tests). */
  clear(): void {
    this.#instruments.clear();
  }

  /**
   * Call `listener` for every instrument there is and every one made later (the OpenTelemetry
   * bridge mirrors them); returns the function that stops the calls.
   * @internal
   */
  onInstrument(listener: (instrument: Instrument) => void): () => void {
    this.#listeners.push(listener);
    for (const instrument of this.#instruments.values()) listener(instrument);
    return () => {
      const at = this.#listeners.indexOf(listener);
      if (at >= 0) this.#listeners.splice(at, 1);
    };
  }

  /** @internal every instrument, in creation order. */
  instruments(): Instrument[] {
    return [...this.#instruments.values()];
  }

  #get<T extends Instrument>(name: string, kind: T['kind'], make: () => T): T {
    const existing = this.#instruments.get(name);
    if (existing !== undefined) {
      if (existing.kind !== kind) throw new TypeError(`metric ${name} is already a ${existing.kind}; pick another name for the ${kind}`);
      return existing as T;
    }
    if (typeof name !== 'string' || !METRIC_NAME.test(name)) {
      throw new TypeError(`metric name ${JSON.stringify(name)} must match [a-zA-Z_:][a-zA-Z0-9_:]* (Prometheus' rule), e.g. "http_requests_total"`);
    }
    const created = make();
    this.#instruments.set(name, created);
    for (const listener of this.#listeners) listener(created);
    return created;
  }
}

/** The process-wide registry. */
export const defaultRegistry = new MetricsRegistry();

/** @example counter('jobs_total', { help: 'Jobs finished' }).add(1, { queue: 'fast' }) */
export function counter(name: string, options?: InstrumentOptions): Counter {
  return defaultRegistry.counter(name, options);
}

/** @example gauge('queue_depth').set(3) */
export function gauge(name: string, options?: InstrumentOptions): Gauge {
  return defaultRegistry.gauge(name, options);
}

/** @example histogram('upload_bytes', { buckets: [1e3, 1e4, 1e5] }).record(5120) */
export function histogram(name: string, options?: HistogramOptions): Histogram {
  return defaultRegistry.histogram(name, options);
}

/** @example snapshot().metrics.length */
export function snapshot(): MetricSnapshot {
  return defaultRegistry.snapshot();
}
