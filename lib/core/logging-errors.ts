import { fileURLToPath } from 'node:url';
import { PythonError } from '../python/errors.js';
import { pyRepr } from '../python/repr.js';
import { isLibraryFile } from './call-site.js';

/**
 * The single place errors inside logging surface: a Python-style `--- Logging error ---`
 * report on stderr. It never throws, and it is rate-limited per source so that a handler
 * failing on every record (a full disk, a broken socket) cannot flood the terminal.
 */

/** Python's `logging.raiseExceptions`: when false, logging errors are silently dropped. */
export let raiseExceptions = true;

/** @example setRaiseExceptions(false); // production: never print logging errors */
export function setRaiseExceptions(value: boolean): void {
  raiseExceptions = value;
}

const BURST_WINDOW_MS = 10_000;
const REPORTS_PER_WINDOW = 3;

interface Burst {
  windowStart: number;
  reported: number;
  suppressed: number;
}
const bursts = new WeakMap<object, Burst>();

/** Where reports go; replaceable so a test harness can capture them. */
let errorSink: (text: string) => void = (text) => {
  process.stderr.write(text);
};

/** @internal */
export function setErrorSink(sink?: (text: string) => void): void {
  errorSink = sink ?? ((text) => void process.stderr.write(text));
}

export interface ErrorContext {
  msg?: unknown;
  args?: unknown;
}

/**
 * Report an error raised while handling a record. `source` (a handler, a logger) keys the
 * rate limit: the first few failures in a 10 s window are printed, later ones are counted and
 * the count is printed with the next report.
 */
export function reportLoggingError(source: object, error: unknown, context?: ErrorContext): void {
  if (!raiseExceptions) return;
  try {
    if (admit(source)) errorSink(renderReport(error, context));
  } catch {
    // The report itself failed (stderr closed, a hostile error object): nothing left to do.
  }
}

/**
 * Write one line of `text` to stderr under the same per-source rate limit as logging errors
 * (receivers report rejected peers through it: a hostile peer must not flood the terminal).
 * @example reportRateLimited(receiver, 'LogRecordSocketReceiver: rejected data from 10.0.0.9:5000: bad frame\n');
 */
export function reportRateLimited(source: object, text: string): void {
  try {
    if (admit(source)) errorSink(text);
  } catch {
    // stderr closed: nothing left to do.
  }
}

/** Whether `source` may report now; counts the report, or the suppression. */
function admit(source: object): boolean {
  const now = Date.now();
  let burst = bursts.get(source);
  if (burst === undefined || now - burst.windowStart > BURST_WINDOW_MS) {
    const carried = burst?.suppressed ?? 0;
    burst = { windowStart: now, reported: 0, suppressed: 0 };
    bursts.set(source, burst);
    if (carried > 0) errorSink(`--- ${carried} further logging error(s) were suppressed ---\n`);
  }
  if (burst.reported >= REPORTS_PER_WINDOW) {
    burst.suppressed++;
    return false;
  }
  burst.reported++;
  return true;
}

/**
 * Python's report, line for line where the two languages can agree: the exception named as
 * CPython names it (`TypeError: not all arguments converted during string formatting`), the
 * JS stack frames where Python prints its traceback, then `Message:` and `Arguments:` as
 * Python reprs, the arguments as the tuple (or mapping) Python's record holds.
 */
function renderReport(error: unknown, context?: ErrorContext): string {
  let text = '--- Logging error ---\n';
  text += describeError(error) + '\n';
  // As Python's "Call stack:": where the logging call was made, which is what the reader can
  // fix; the library's own frames say nothing to them.
  const caller = callStack();
  if (caller.length > 0) text += `Call stack:\n${caller.join('\n')}\n`;
  if (context !== undefined) {
    text += `Message: ${safeRepr(context.msg)}\n`;
    text += `Arguments: ${argumentsRepr(context.args)}\n`;
  }
  return text;
}

/** Frames deep enough to reach the caller through the logger, handler and formatter layers. */
const CALL_STACK_DEPTH = 64;
const FRAME_LINE = /^\s+at /;

/** Whether a frame's file (a path or a file URL) is this library's or Node's own. */
function isHiddenFile(location: string): boolean {
  if (location.startsWith('node:')) return true;
  try {
    return isLibraryFile(location.startsWith('file://') ? fileURLToPath(location) : location);
  } catch {
    return false;
  }
}

/** The file of a text stack line (`    at fn (file:1:2)` or `    at file:1:2`). */
function frameFile(line: string): string {
  const located = /\(?([^()\s][^()]*?):\d+:\d+\)?$/.exec(line.trim());
  return located?.[1]?.replace(/^at /, '') ?? '';
}

/** The stack frames outside this library and Node's internals at the moment of the report. */
function callStack(): string[] {
  const limit = Error.stackTraceLimit;
  const prepare = Error.prepareStackTrace;
  try {
    Error.stackTraceLimit = CALL_STACK_DEPTH;
    Error.prepareStackTrace = (_error, frames) => frames;
    const holder: { stack?: unknown } = {};
    Error.captureStackTrace(holder, reportLoggingError);
    if (!Array.isArray(holder.stack)) return [];
    const frames = holder.stack as NodeJS.CallSite[];
    return frames.filter((frame) => {
      const file = frame.getFileName();
      return typeof file === 'string' && !isHiddenFile(file);
    }).map((frame) => `    at ${String(frame)}`);
  } catch {
    return [];
  } finally {
    Error.stackTraceLimit = limit;
    Error.prepareStackTrace = prepare;
  }
}

/**
 * The error's header and the frames above the first library frame: where user code (a
 * formatter, a filter, a `toString`) threw. An error thrown by the library itself shows its
 * header alone; the call stack below says where the logging call was.
 */
function describeError(error: unknown): string {
  try {
    if (!(error instanceof Error)) return `Thrown value: ${safeRepr(error)}`;
    // A Python exception is named by its Python class.
    const name = error instanceof PythonError ? error.pyType : error.name;
    const headline = error.message === '' ? name : `${name}: ${error.message}`;
    const stack = error.stack;
    if (typeof stack !== 'string' || stack === '') return headline;
    const lines = stack.split('\n');
    const firstFrame = lines.findIndex((line) => FRAME_LINE.test(line));
    if (firstFrame < 0) return headline;
    // The frames of the code that threw, down to the first of this library's or Node's own.
    const kept = [headline];
    for (const line of lines.slice(firstFrame)) {
      if (!FRAME_LINE.test(line) || isHiddenFile(frameFile(line))) break;
      kept.push(line);
    }
    return kept.join('\n');
  } catch {
    return 'Thrown value: <unprintable>';
  }
}

/** A record's `args` as Python prints them: an array is the tuple Python's record holds. */
function argumentsRepr(args: unknown): string {
  if (args === null || args === undefined) return '()';
  if (!Array.isArray(args)) return safeRepr(args);
  try {
    if (args.length === 1) return `(${pyRepr(args[0])},)`;
    return `(${args.map((arg) => pyRepr(arg)).join(', ')})`;
  } catch {
    return '<unprintable>';
  }
}

function safeRepr(value: unknown): string {
  try {
    return pyRepr(value);
  } catch {
    return '<unprintable>';
  }
}
