import { toLevelNumber, type Level } from '../core/levels.js';
import { readLinesBackward } from './backward-lines.js';
import { attachContinuation, parseLine, type LogEntry } from './parse-entry.js';

export interface ReadLogsOptions {
  /** Page number, 0 = the newest records. Default 0. */
  page?: number;
  /** Records per page. Default 50. */
  pageSize?: number;
  /**
   * Only records that start before this byte offset: pass a page's `nextBefore` to get the page
   * after it without reading back through the newer ones again (`page` then counts from there).
   */
  before?: number;
  /** Only records at this level or above. */
  level?: Level;
  /** Only records of this logger or its descendants (`RT.worker` matches `RT.worker.db`). */
  logger?: string;
  /** Only records at or after this time (Date, epoch ms, or a date string). */
  since?: Date | number | string;
  /** Only records at or before this time. */
  until?: Date | number | string;
  /** Bytes read per step. Default 64 KiB. */
  chunkSize?: number;
  /** Called after each chunk with bytes scanned and bytes in the file, for progress feedback. */
  onProgress?: (scanned: number, total: number) => void;
}

export interface LogPage {
  /** Newest first. */
  records: LogEntry[];
  page: number;
  pageSize: number;
  /** Whether an older page has at least one record. */
  hasMore: boolean;
  /** With `hasMore`: the byte offset of this page's oldest record, for `before`. */
  nextBefore?: number;
}

/**
 * Read a page of records from a log file, newest first. The file is read backwards in chunks,
 * so the first page of a multi-gigabyte file costs a few reads and memory independent of the
 * file's size; page N costs reading back past the N × pageSize newer matches, unless each page
 * is asked for with the previous page's `nextBefore`, which starts reading where it ended. Reads
 * JsonFormatter lines and the text file layout (`asctime - relative - level - name - message`,
 * with traceback lines attached to their record); other lines are skipped.
 * With `since`, reading stops at the first older record: a log file is written in time order.
 * @example
 * const { records, hasMore, nextBefore } = await readLogs('logs/run.log', { level: 'WARNING', pageSize: 20 });
 * for (const r of records) console.log(r.level, r.logger, r.message);
 * if (hasMore) await readLogs('logs/run.log', { level: 'WARNING', pageSize: 20, before: nextBefore }); // the next page
 */
export async function readLogs(file: string, options: ReadLogsOptions = {}): Promise<LogPage> {
  const page = options.page ?? 0;
  const pageSize = options.pageSize ?? 50;
  if (!Number.isSafeInteger(page) || page < 0) throw new RangeError(`page must be a whole number ≥ 0, got ${String(options.page)}`);
  if (!Number.isSafeInteger(pageSize) || pageSize < 1) throw new RangeError(`pageSize must be a whole number ≥ 1, got ${String(options.pageSize)}`);
  if (options.before !== undefined && (!Number.isSafeInteger(options.before) || options.before < 0)) {
    throw new RangeError(`before must be a byte offset (a whole number ≥ 0, e.g. a page's nextBefore), got ${String(options.before)}`);
  }
  const accept = compileFilter(options);
  const since = options.since === undefined ? undefined : toTime(options.since, 'since');
  let skip = page * pageSize;
  const records: LogEntry[] = [];
  for await (const entry of entriesBackward(file, options)) {
    if (since !== undefined && entry.time !== undefined && entry.time < since) break;
    if (!accept(entry)) continue;
    if (skip > 0) {
      skip--;
    } else if (records.length < pageSize) {
      records.push(entry);
    } else {
      return { records, page, pageSize, hasMore: true, nextBefore: records[records.length - 1]!.offset };
    }
  }
  return { records, page, pageSize, hasMore: false };
}

/**
 * Every record of a file, newest first, with traceback lines joined to the record they follow.
 * @example for await (const e of entriesBackward('run.log')) if (e.level === 'ERROR') { console.log(e.raw); break; }
 */
export async function* entriesBackward(file: string, options: Pick<ReadLogsOptions, 'chunkSize' | 'onProgress' | 'before'> = {}): AsyncGenerator<LogEntry> {
  // Lines with no header of their own belong to the record above them; going backwards we
  // meet them first and hold them until that record's header line arrives.
  let continuation: string[] = [];
  const lineOptions = {
    ...(options.chunkSize !== undefined ? { chunkSize: options.chunkSize } : {}),
    ...(options.onProgress !== undefined ? { onProgress: options.onProgress } : {}),
    ...(options.before !== undefined ? { end: options.before } : {}),
  };
  for await (const { text, offset } of readLinesBackward(file, lineOptions)) {
    const entry = parseLine(text, offset);
    if (entry === undefined) {
      continuation.push(text);
      continue;
    }
    attachContinuation(entry, continuation.reverse());
    continuation = [];
    yield entry;
  }
}

/**
 * The filter `readLogs` and `rtlog -f` apply: level, logger and time bounds.
 * @example compileFilter({ level: 'ERROR' })(entry) // true for ERROR and CRITICAL records
 */
export function compileFilter(options: Pick<ReadLogsOptions, 'level' | 'logger' | 'since' | 'until'>): (entry: LogEntry) => boolean {
  const minLevel = options.level === undefined ? undefined : toLevelNumber(options.level);
  const logger = options.logger;
  const since = options.since === undefined ? undefined : toTime(options.since, 'since');
  const until = options.until === undefined ? undefined : toTime(options.until, 'until');
  return (entry) => {
    if (minLevel !== undefined && (entry.levelno ?? -1) < minLevel) return false;
    if (logger !== undefined && entry.logger !== logger && !entry.logger.startsWith(`${logger}.`)) return false;
    if (since !== undefined && (entry.time === undefined || entry.time < since)) return false;
    if (until !== undefined && (entry.time === undefined || entry.time > until)) return false;
    return true;
  };
}

function toTime(value: Date | number | string, name: string): number {
  const ms = value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(value);
  if (Number.isNaN(ms)) throw new RangeError(`${name} must be a Date, epoch milliseconds or a date string like 2026-11-21T14:00:00Z, got ${String(value)}`);
  return ms;
}
