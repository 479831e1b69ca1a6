/**
 * `instrument`/`timed` calls as spans: each call runs inside a span of its own name, nested
 * under the span active where it is called (so an agent run is one trace), ended when the call
 * returns or its promise settles; a failure records the exception and sets the status to ERROR.
 * The call's own log records are made inside the span, so they carry its trace and span ids.
 */
import { SpanStatusCode, trace, type Span, type Tracer } from '@opentelemetry/api';
import { setCallTracer } from '../railtracks/instrument.js';

export interface CallSpanOptions {
  /** Default: the global tracer provider's tracer `railtracks.instrument`. */
  tracer?: Tracer;
}

function failed(span: Span, error: unknown): void {
  if (error instanceof Error) span.recordException(error);
  else span.recordException(String(error));
  span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
  span.end();
}

/**
 * From now on every instrumented call is a span. Returns the function that turns it off.
 * @example
 * const stop = enableCallSpans();
 * await instrument(fetchDocs, { name: 'fetchDocs' })(); // a span 'fetchDocs' in the active trace
 * stop();
 */
export function enableCallSpans(options: CallSpanOptions = {}): () => void {
  const tracer = (): Tracer => options.tracer ?? trace.getTracer('railtracks.instrument');
  setCallTracer((name, call) => tracer().startActiveSpan(name, (span) => {
    let result: unknown;
    try {
      result = call();
    } catch (error) {
      failed(span, error);
      throw error;
    }
    if (result !== null && (typeof result === 'object' || typeof result === 'function') && typeof (result as { then?: unknown }).then === 'function') {
      return (result as PromiseLike<unknown>).then(
        (value) => {
          span.end();
          return value;
        },
        (error: unknown) => {
          failed(span, error);
          throw error;
        },
      );
    }
    span.end();
    return result;
  }));
  return () => setCallTracer(undefined);
}
