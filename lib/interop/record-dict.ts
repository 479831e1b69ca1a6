/**
 * The dict a record travels as, built the way Python's `SocketHandler.makePickle` builds it:
 * every attribute, `msg` already merged with its arguments, `args` and `exc_info` emptied, the
 * traceback rendered into `exc_text`, and structured fields at the top level.
 */
import type { Formatter } from '../core/formatter.js';
import { RECORD_ATTRIBUTES, type LogRecord } from '../core/record.js';

// The pickle encoder writes these as Python floats.
export { FLOAT_RECORD_FIELDS } from '../core/record.js';

/**
 * @example recordToDict(record, formatter).msg // 'chunk doc.txt of 3'
 */
export function recordToDict(record: LogRecord, formatter: Formatter): Record<string, unknown> {
  if (record.exc_info != null && !record.exc_text) record.exc_text = formatter.formatException(record.exc_info);
  const dict: Record<string, unknown> = {};
  for (const key of RECORD_ATTRIBUTES) dict[key] = (record as unknown as Record<string, unknown>)[key] ?? null;
  dict.msg = record.getMessage();
  dict.args = null;
  dict.exc_info = null;
  if (record.extra !== undefined) {
    for (const key of Object.keys(record.extra)) if (!(key in dict)) dict[key] = record.extra[key];
  }
  if (record.scope !== undefined) {
    const fields = record.scope.fields;
    for (const key of Object.keys(fields)) if (dict[key] === undefined && fields[key] !== undefined) dict[key] = fields[key];
  }
  return dict;
}
