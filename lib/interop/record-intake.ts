/**
 * What every receiver does with a record dict from another process: rebuild a LogRecord with
 * `makeLogRecord` and hand it to the logger of the same name, as the logging cookbook's
 * receiver does (`getLogger(name).handle(record)`: the logger's filters and handlers decide,
 * the sender already applied its level).
 */
import { getLevelName } from '../core/levels.js';
import { getLogger } from '../core/manager.js';
import { makeLogRecord, type LogRecord } from '../core/record.js';
import { markReceived } from './wire-origin.js';

/** Where a receiver puts each record; the default re-emits it into our logger tree. */
export type RecordSink = (record: LogRecord) => void;

/** Reports a rejected frame or connection; the default writes one line to stderr. */
export type ReceiverErrorHandler = (error: Error, peer: string) => void;

/**
 * Rebuild a record from a dict a Python handler sent. Throws an Error saying what is missing.
 * @example recordFromDict({ name: 'worker', levelno: 20, msg: 'hi', created: 1.7e9 }).levelname // 'INFO'
 */
export function recordFromDict(dict: unknown): LogRecord {
  if (dict === null || typeof dict !== 'object' || Array.isArray(dict) || dict instanceof Map) {
    throw new Error('the frame does not hold a record dict (expected a pickled dict with string keys)');
  }
  const d = dict as Record<string, unknown>;
  if (typeof d.name !== 'string') throw new Error("the record dict has no 'name' string");
  if (typeof d.levelno !== 'number' || !Number.isInteger(d.levelno)) throw new Error("the record dict has no integer 'levelno'");
  const record = makeLogRecord(d);
  if (typeof d.levelname !== 'string') record.levelname = getLevelName(d.levelno);
  if (typeof d.created === 'number' && typeof d.msecs !== 'number') record.msecs = Math.trunc((d.created % 1) * 1000);
  return record;
}

/**
 * The default sink: the record goes to the logger with its original name.
 * @example reemit(recordFromDict({ name: 'RT.worker', levelno: 30, msg: 'slow' }))
 */
export function reemit(record: LogRecord): void {
  getLogger(record.name === 'root' ? '' : record.name).handle(record);
}

/** The default error report: one line naming the receiver, the peer and the reason. */
export function defaultErrorReport(receiver: string): ReceiverErrorHandler {
  return (error, peer) => {
    process.stderr.write(`${receiver}: rejected data from ${peer}: ${error.message}\n`);
  };
}

/** The two callbacks every receiver is built with. */
export interface ReceiverCallbacks {
  onRecord: RecordSink;
  onError: ReceiverErrorHandler;
}

/**
 * Report rejected data from a peer. A throwing error callback is swallowed: it must not take the
 * receiver (and every other peer) down with it.
 */
export function reportRejection(callbacks: ReceiverCallbacks, error: unknown, peer: string): void {
  try {
    callbacks.onError(error instanceof Error ? error : new Error(String(error)), peer);
  } catch {
    // Nothing left to report to.
  }
}

/**
 * Hand a decoded record to the sink, marked as received from `peer` (network handlers never send
 * it out again, see wire-origin.ts). The data was fine, so a throwing sink is reported but does
 * not cost the peer its connection.
 */
export function deliverRecord(callbacks: ReceiverCallbacks, record: LogRecord, peer: string): void {
  markReceived(record, peer);
  try {
    callbacks.onRecord(record);
  } catch (err) {
    reportRejection(callbacks, err, peer);
  }
}
