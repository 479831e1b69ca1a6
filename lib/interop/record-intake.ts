/**
 * What every receiver does with a record dict from another process: rebuild a LogRecord with
 * `makeLogRecord` and hand it to the logger of the same name, as the logging cookbook's
 * receiver does (`getLogger(name).handle(record)`: the logger's filters and handlers decide,
 * the sender already applied its level).
 */
import { getLevelName } from '../core/levels.js';
import { reportRateLimited } from '../core/logging-errors.js';
import { makeLogRecord, type LogRecord } from '../core/record.js';
import type { NetworkLoggers } from './network-loggers.js';
import type { PeerAllowList } from './peer-allow-list.js';
import { markReceived } from './wire-origin.js';

/** Where a receiver puts each record; the default re-emits it into our logger tree. */
export type RecordSink = (record: LogRecord) => void;

/** Reports a rejected frame or connection; the default writes one line to stderr (rate-limited). */
export type ReceiverErrorHandler = (error: Error, peer: string) => void;

/** What every receiver is configured with. */
export interface ReceiverOptions {
  /** Interface to bind; loopback by default. The protocols have no authentication. */
  host?: string;
  /** Where records go; default: the logger of the same name in our tree (see `maxLoggerNames`). */
  onRecord?: RecordSink;
  /** Called for each rejected frame, request or connection; default: one stderr line, at most 3 per 10 s. */
  onError?: ReceiverErrorHandler;
  /** Only these peer addresses (or those the predicate accepts) are served; default: every peer. */
  allow?: PeerAllowList;
  /**
   * Distinct logger names from the network the default sink creates loggers for (default 1000);
   * records with further names go to the nearest known ancestor, counted in `loggerNames.overflowed`.
   */
  maxLoggerNames?: number;
}

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

/** The default sink: the record goes to the logger with its original name, within the name bound. */
export function reemitThrough(loggers: NetworkLoggers): RecordSink {
  return (record) => void loggers.loggerFor(record.name).handle(record);
}

/**
 * The default error report: one line naming the receiver, the peer and the reason, rate-limited
 * per receiver like logging errors (a peer sending garbage in a loop costs a few lines per 10 s).
 */
export function defaultErrorReport(receiver: string): ReceiverErrorHandler {
  const source = {};
  return (error, peer) => reportRateLimited(source, `${receiver}: rejected data from ${peer}: ${error.message}\n`);
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
