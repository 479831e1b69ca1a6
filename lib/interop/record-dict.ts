/**
 * The dict a record travels as, built the way Python's `SocketHandler.makePickle` builds it:
 * every attribute, `msg` already merged with its arguments, `args` and `exc_info` emptied, the
 * traceback rendered into `exc_text`, and structured fields at the top level.
 */
import type { Formatter } from '../core/formatter.js';
import type { LogRecord } from '../core/record.js';

/** Record fields that are Python floats; the pickle encoder writes them as floats. */
export const FLOAT_RECORD_FIELDS: ReadonlySet<string> = new Set(['created', 'msecs', 'relativeCreated']);

/**
 * @example recordToDict(record, formatter).msg // 'chunk doc.txt of 3'
 */
export function recordToDict(record: LogRecord, formatter: Formatter): Record<string, unknown> {
  if (record.exc_info != null && !record.exc_text) record.exc_text = formatter.formatException(record.exc_info);
  const dict: Record<string, unknown> = {
    name: record.name, msg: record.getMessage(), args: null, levelname: record.levelname, levelno: record.levelno,
    pathname: record.pathname, filename: record.filename, module: record.module, exc_info: null,
    exc_text: record.exc_text ?? null, stack_info: record.stack_info ?? null, lineno: record.lineno,
    funcName: record.funcName, created: record.created, msecs: record.msecs, relativeCreated: record.relativeCreated,
    thread: record.thread, threadName: record.threadName, processName: record.processName, process: record.process,
  };
  // Scope fields first: they win over structured fields of the same name, as in text formats.
  if (record.scope !== undefined) {
    const fields = record.scope.fields;
    for (const key of Object.keys(fields)) if (!(key in dict) && fields[key] !== undefined) dict[key] = fields[key];
  }
  if (record.extra !== undefined) {
    for (const key of Object.keys(record.extra)) if (!(key in dict)) dict[key] = record.extra[key];
  }
  return dict;
}
