import { formatExceptionText } from '../core/exception-text.js';
import type { LogEntry } from '../reader/parse-entry.js';

/** The fields of a JSON line that carry a traceback: ours (`exception`) and Python's (`exc_text`, `stack_info`). */
const TRACEBACK_FIELDS = ['exception', 'exc_text', 'stack_info'] as const;

/**
 * A JSON-lines record as `rtlog` shows it: its traceback (the `exception` JsonFormatter
 * writes, with each `cause`; or a Python worker's `exc_text` and `stack_info`) joined under
 * the message line by line, as a text record's traceback is, and taken out of `fields`.
 * Text records and records without a traceback come back unchanged.
 * @example withTraceback(entry).message // 'request failed\nError: socket closed\n    at …'
 */
export function withTraceback(entry: LogEntry): LogEntry {
  if (entry.format !== 'json') return entry;
  const lines: string[] = [];
  const fields = { ...entry.fields };
  for (const name of TRACEBACK_FIELDS) {
    const value = fields[name];
    const text = name === 'exception' ? exceptionText(value) : typeof value === 'string' ? value : undefined;
    if (text === undefined || text === '') continue;
    lines.push(text);
    delete fields[name];
  }
  if (lines.length === 0) return entry;
  return { ...entry, message: `${entry.message}\n${lines.join('\n')}`, fields };
}

/** How deep a chain of causes is rebuilt (a hostile file may nest without end). */
const MAX_CAUSES = 16;

/**
 * The text of JsonFormatter's `exception` object, laid out exactly as the text layout prints an
 * exception (innermost cause first): the chain is rebuilt as errors and handed to the same
 * function.
 */
function exceptionText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  const error = asError(value, 0);
  return error === undefined ? undefined : formatExceptionText(error);
}

function asError(value: unknown, depth: number): Error | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || depth > MAX_CAUSES) return undefined;
  const e = value as Record<string, unknown>;
  const error = new Error(typeof e.message === 'string' ? e.message : '');
  error.name = typeof e.type === 'string' ? e.type : 'Error';
  error.stack = typeof e.stack === 'string' && e.stack !== '' ? e.stack : `${error.name}: ${error.message}`;
  const cause = asError(e.cause, depth + 1);
  if (cause !== undefined) error.cause = cause;
  return error;
}
