/**
 * The attributes an OpenTelemetry log record gets from one of ours: the record's structured
 * fields (extras, scope fields such as session/run ids, a structured message's `toJSON()`),
 * the call site under the `code.*` semantic conventions when it was captured, and the
 * exception as `exception.type/message/stacktrace`. Values OpenTelemetry cannot carry
 * (functions, bigints, class instances) travel as their Python `str()`.
 */
import type { AnyValue, AnyValueMap } from '@opentelemetry/api-logs';
import type { LogRecord } from '../core/record.js';
import { isPlainObject } from '../python/plain-object.js';
import { StructuredMessage } from '../core/structured-message.js';
import { pyStr } from '../python/repr.js';

/** Fields that trace context adds; the OTel record carries them as its own trace context instead. */
const TRACE_FIELDS: ReadonlySet<string> = new Set([
  'trace_id', 'span_id', 'trace_flags', 'otelTraceID', 'otelSpanID', 'otelTraceSampled', 'otelServiceName',
]);

function anyValue(value: unknown, depth = 0): AnyValue {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'string': case 'boolean': return value;
    case 'number': return value;
    default: break;
  }
  if (depth < 8 && Array.isArray(value)) return value.map((v) => anyValue(v, depth + 1));
  if (depth < 8 && isPlainObject(value)) {
    const out: AnyValueMap = {};
    for (const key of Object.keys(value)) out[key] = anyValue(value[key], depth + 1);
    return out;
  }
  if (value instanceof Uint8Array) return value;
  try {
    return pyStr(value);
  } catch {
    return '<unprintable>';
  }
}

function copyFields(into: AnyValueMap, fields: Readonly<Record<string, unknown>> | undefined): void {
  if (fields === undefined) return;
  for (const key of Object.keys(fields)) {
    if (!TRACE_FIELDS.has(key) && !(key in into) && fields[key] !== undefined) into[key] = anyValue(fields[key]);
  }
}

/**
 * @example recordAttributes(record)['exception.type'] // 'TypeError'
 */
export function recordAttributes(record: LogRecord): AnyValueMap {
  const attributes: AnyValueMap = {};
  copyFields(attributes, record.extra);
  copyFields(attributes, record.scope?.fields);
  if (record.action instanceof StructuredMessage) {
    try {
      copyFields(attributes, record.action.toJSON());
    } catch (err) {
      attributes['action.error'] = pyStr(err);
    }
  }
  // Call sites live on the prototype until captured; an own `lineno` means they were.
  if (Object.hasOwn(record, 'lineno')) {
    attributes['code.file.path'] = record.pathname;
    attributes['code.line.number'] = record.lineno;
    attributes['code.function.name'] = record.funcName;
  }
  const error = record.exc_info;
  if (error !== undefined) {
    attributes['exception.type'] = error?.name ?? error?.constructor?.name ?? 'Error';
    attributes['exception.message'] = String(error?.message ?? '');
    if (typeof error?.stack === 'string') attributes['exception.stacktrace'] = error.stack;
  }
  return attributes;
}
