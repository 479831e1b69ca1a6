import { stat } from 'node:fs/promises';
import { toLevelNumber, type Level } from '../core/levels.js';
import { readLinesBackward } from './backward-lines.js';
import { MAX_RECORD_BYTES, omittedNote } from './line-cap.js';
import { flushOwnWriters } from './own-writers.js';
import { rotatedSet } from './rotated-set.js';
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
  /**
   * Read the file and its rotated backups as one log, newest first (`app.log`, `app.log.1` …,
   * timestamped or timed backups; see `rotatedSet`). Each record then carries `file`, and
   * offsets (`offset`, `nextBefore`, `before`) count through the set, oldest backup first; a
   * rollover between two calls moves them, so a cursor holds until the next rollover.
   */
  rotated?: boolean;
  /**
   * What a record keeps at most: this many bytes of its header line and as many of the
   * traceback lines under it (the ones nearest the end); the rest is replaced by a note of its
   * size. Bounds memory on any file. Default 1 MiB ({@link MAX_RECORD_BYTES}).
   */
  maxRecordBytes?: number;
  /** A further test every record must pass (a viewer's search, a field match), after the others. */
  match?: (entry: LogEntry) => boolean;
  /** Stop reading when it aborts (the caller went away); the page read so far is returned. */
  signal?: AbortSignal;
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
  if (options.maxRecordBytes !== undefined && (!Number.isSafeInteger(options.maxRecordBytes) || options.maxRecordBytes < 1024)) {
    throw new RangeError(`maxRecordBytes must be a whole number of bytes ≥ 1024, got ${String(options.maxRecordBytes)}`);
  }
  const accept = compileFilter(options);
  const match = options.match;
  const signal = options.signal;
  const since = options.since === undefined ? undefined : toTime(options.since, 'since');
  let skip = page * pageSize;
  const records: LogEntry[] = [];
  for await (const entry of entriesBackward(file, options)) {
    if (signal?.aborted === true) break;
    if (since !== undefined && entry.time !== undefined && entry.time < since) break;
    if (!accept(entry) || (match !== undefined && !match(entry))) continue;
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
 * Every record of a file (or of a rotated set, with `rotated`), newest first, with traceback
 * lines joined to the record they follow; this process's own file handlers for the path are
 * flushed first. Memory is bounded per record (see {@link MAX_RECORD_BYTES}).
 * @example for await (const e of entriesBackward('run.log')) if (e.level === 'ERROR') { console.log(e.raw); break; }
 */
export async function* entriesBackward(
  file: string,
  options: Pick<ReadLogsOptions, 'chunkSize' | 'onProgress' | 'before' | 'rotated' | 'maxRecordBytes'> = {},
): AsyncGenerator<LogEntry> {
  const owned = flushOwnWriters(file);
  let files: Awaited<ReturnType<typeof sizedSet>>;
  try {
    files = await sizedSet(file, options.rotated ?? false);
  } catch (err) {
    // A log one of our own handlers will write, before its first line: an empty log.
    if (owned && (err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  // Offsets run through the set as if it were one file, oldest backup first.
  let base = files.reduce((sum, f) => sum + f.size, 0);
  const spans = files.map(({ path, size }) => {
    base -= size;
    return { path, base, end: options.before === undefined ? size : Math.max(0, Math.min(size, options.before - base)) };
  });
  const total = spans.reduce((sum, s) => sum + s.end, 0);
  let scannedBefore = 0;
  for (const { path, base: spanBase, end } of spans) {
    if (end === 0) continue;
    const done = scannedBefore;
    const onProgress = options.onProgress;
    yield* entriesOfFile(path, {
      ...(options.chunkSize !== undefined ? { chunkSize: options.chunkSize } : {}),
      ...(options.maxRecordBytes !== undefined ? { maxRecordBytes: options.maxRecordBytes } : {}),
      base: spanBase,
      end,
      ...(options.rotated === true ? { file: path } : {}),
      ...(onProgress !== undefined ? { onProgress: (scanned: number) => onProgress(done + scanned, total) } : {}),
    });
    scannedBefore += end;
  }
}

interface FileSpan {
  base: number;
  end: number;
  file?: string;
  chunkSize?: number;
  maxRecordBytes?: number;
  onProgress?: (scanned: number) => void;
}

async function* entriesOfFile(path: string, span: FileSpan): AsyncGenerator<LogEntry> {
  const cap = span.maxRecordBytes ?? MAX_RECORD_BYTES;
  // Lines with no header of their own belong to the record above them; going backwards we
  // meet them first and hold them (up to `cap` bytes, the lines nearest the next record) until
  // that record's header line arrives.
  let continuation: string[] = [];
  let kept = 0;
  let omittedLines = 0;
  let omittedBytes = 0;
  const lineOptions = {
    end: span.end,
    maxLineBytes: cap,
    ...(span.chunkSize !== undefined ? { chunkSize: span.chunkSize } : {}),
    ...(span.onProgress !== undefined ? { onProgress: span.onProgress } : {}),
  };
  for await (const { text, offset, bytes } of readLinesBackward(path, lineOptions)) {
    const entry = parseLine(text, span.base + offset);
    if (entry === undefined) {
      if (kept + bytes + 1 <= cap) {
        continuation.push(text);
        kept += bytes + 1;
      } else {
        omittedLines++;
        omittedBytes += bytes + 1;
      }
      continue;
    }
    if (omittedLines > 0) continuation.push(omittedNote(omittedLines, omittedBytes, cap));
    attachContinuation(entry, continuation.reverse());
    if (span.file !== undefined) entry.file = span.file;
    continuation = [];
    kept = omittedLines = omittedBytes = 0;
    yield entry;
  }
}

/** The files to read, newest first, with their sizes now; a backup rotated away meanwhile is skipped. */
async function sizedSet(file: string, rotated: boolean): Promise<{ path: string; size: number }[]> {
  if (!rotated) return [{ path: file, size: (await statLogFile(file)).size }];
  const found: { path: string; size: number }[] = [];
  for (const path of rotatedSet(file)) {
    const st = await statLogFile(path).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return undefined;
      throw err;
    });
    if (st !== undefined) found.push({ path, size: st.size });
  }
  if (found.length === 0) throw Object.assign(new Error(`ENOENT: no such file or directory, and no rotated backups of it: '${file}'`), { code: 'ENOENT', path: file });
  return found;
}

async function statLogFile(path: string) {
  const st = await stat(path);
  if (st.isDirectory()) throw Object.assign(new Error(`EISDIR: '${path}' is a directory, not a log file`), { code: 'EISDIR', path });
  return st;
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
