/**
 * Where profiling meets logging: wrap a function so each call is stamped at start and end and
 * logged as `name CREATED` / `name DONE (12.3 ms)` / `name FAILED (12.3 ms)` through the RT logger.
 */
import { extra } from '../core/record.js';
import { getRtLogger } from './rt-logger.js';
import type { StampCreator } from '../profiling/stamp-manager.js';
import { defaultRegistry, type MetricsRegistry } from '../metrics/registry.js';

/**
 * The logger methods instrument uses; a Logger or a bound LoggerAdapter both fit.
 * @example instrument(fn, { name: 'f', logger: getRtLogger('api').bind({ requestId: 'r-1' }) });
 */
export interface InstrumentLogger {
  info(msg: unknown, ...args: unknown[]): void;
  error(msg: unknown, ...args: unknown[]): void;
}

/**
 * Anything that reserves steps: a StampManager or a SharedStampManager.
 * @example instrument(fn, { name: 'f', stamps: SharedStampManager.attach(workerData) });
 */
export interface InstrumentStamps {
  stampCreator(): StampCreator;
}

/**
 * What to call the wrapped function and where its events go.
 * @example const options: InstrumentOptions = { name: 'embed', stamps: new StampManager() };
 */
export interface InstrumentOptions {
  /** Shown in log lines and stamp identifiers. */
  name: string;
  /** Defaults to the `RT` logger. */
  logger?: InstrumentLogger;
  /** When given, each call reserves one step and stamps `name CREATED` and `name DONE`/`FAILED` on it. */
  stamps?: InstrumentStamps;
  /**
   * Where call counts (`rt_calls_total{name, outcome}`) and durations (`rt_call_duration_seconds{name}`)
   * are recorded: the process-wide registry by default, `false` for none.
   */
  metrics?: MetricsRegistry | false;
}

/** The instruments `instrument()` records into, created once per registry. */
function callMetrics(registry: MetricsRegistry) {
  return {
    calls: registry.counter('rt_calls_total', { help: 'Calls of instrumented functions, by name and outcome (done, failed)' }),
    durations: registry.histogram('rt_call_duration_seconds', { help: 'Duration of instrumented calls in seconds, by name' }),
  };
}

/**
 * Runs an instrumented call inside a trace span of its own (installed by
 * `railtracks-observability/otel`): `call` is the whole call, its log records included, and
 * the tracer returns what `call` returns (the same promise settled the same way, for async).
 * @internal
 */
export type CallTracer = (name: string, call: () => unknown) => unknown;

let callTracer: CallTracer | undefined;

/**
 * Install (or with `undefined` remove) the tracer every instrumented call runs under.
 * @internal for the /otel layer
 */
export function setCallTracer(tracer: CallTracer | undefined): void {
  callTracer = tracer;
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (typeof value === 'object' || typeof value === 'function') && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

/**
 * Wrap `fn` (sync or async). Each call logs `name CREATED`, then `name DONE (x ms)` with
 * `durationMs` as a structured field, or `name FAILED (x ms)` at ERROR with the error attached,
 * and rethrows the very same error. `this`, arguments and the return value pass through; a sync
 * function stays sync. An async result comes back as a new native Promise settling the same way.
 * @example
 * const sm = new StampManager();
 * const embed = instrument(async (text: string) => model.embed(text), { name: 'embed', stamps: sm });
 * await embed('chunk A'); // RT: embed CREATED … embed DONE (41.7 ms); stamps on one step
 */
export function instrument<F extends (...args: never[]) => unknown>(fn: F, options: InstrumentOptions): F {
  const { name, stamps } = options;
  const logger = options.logger ?? getRtLogger();
  const registry = options.metrics === undefined ? defaultRegistry : options.metrics;
  const metrics = registry === false ? undefined : callMetrics(registry);
  const doneLabels = { name, outcome: 'done' };
  const failedLabels = { name, outcome: 'failed' };
  const nameLabel = { name };
  const wrapped = function (this: unknown, ...args: Parameters<F>): ReturnType<F> {
    const tracer = callTracer;
    // Under a tracer the whole call — its CREATED/DONE records included — runs in its span.
    if (tracer !== undefined) return tracer(name, () => body.apply(this, args)) as ReturnType<F>;
    return body.apply(this, args);
  };
  const body = function (this: unknown, ...args: Parameters<F>): ReturnType<F> {
    const stamp = stamps?.stampCreator();
    stamp?.(`${name} CREATED`);
    logger.info('%s CREATED', name);
    const started = performance.now();
    const done = (): void => {
      const durationMs = performance.now() - started;
      stamp?.(`${name} DONE`);
      metrics?.calls.add(1, doneLabels);
      metrics?.durations.record(durationMs / 1000, nameLabel);
      logger.info('%s DONE (%s ms)', name, durationMs.toFixed(1), extra({ durationMs }));
    };
    const failed = (error: unknown): void => {
      const durationMs = performance.now() - started;
      stamp?.(`${name} FAILED`);
      metrics?.calls.add(1, failedLabels);
      metrics?.durations.record(durationMs / 1000, nameLabel);
      // Only an Error becomes the record's exception; anything else thrown is shown in the line.
      if (error instanceof Error) logger.error('%s FAILED (%s ms)', name, durationMs.toFixed(1), error, extra({ durationMs }));
      else logger.error('%s FAILED (%s ms): %r', name, durationMs.toFixed(1), error, extra({ durationMs }));
    };
    let result: unknown;
    try {
      result = fn.apply(this, args);
    } catch (error) {
      failed(error);
      throw error;
    }
    if (!isThenable(result)) {
      done();
      return result as ReturnType<F>;
    }
    return Promise.resolve(result).then(
      (value) => {
        done();
        return value;
      },
      (error: unknown) => {
        failed(error);
        throw error;
      },
    ) as ReturnType<F>;
  };
  // Keep the wrapped function's name and arity visible to stack traces and introspection.
  Object.defineProperty(wrapped, 'name', { value: fn.name || name });
  Object.defineProperty(wrapped, 'length', { value: fn.length });
  return wrapped as unknown as F;
}

/**
 * Run `fn` once, instrumented: `timed(name, fn, options)` is `instrument(fn, { ...options, name })()`.
 * @example
 * const rows = await timed('load rows', () => db.query('select 1'), { stamps: sm });
 */
export function timed<T>(name: string, fn: () => T, options: Omit<InstrumentOptions, 'name'> = {}): T {
  return instrument(fn, { ...options, name })();
}
