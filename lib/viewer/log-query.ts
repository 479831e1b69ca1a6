/**
 * What `/api/logs` and `/api/stream` accept, read from the query string once and turned into one
 * predicate, so a page of old records and a live-tailed record pass the same test. The filters
 * `readLogs` knows (level, logger, since, until) are its own `compileFilter`; the viewer adds a
 * text or `/regex/` search, an exact set of levels and `field.<name>=value`.
 */
import { compileFilter, readLogs } from '../reader/read-logs.js';
import { levelNumberOf, type LogEntry } from '../reader/parse-entry.js';

/** A query the client got wrong; the server answers 400 with the message. */
export class BadQueryError extends Error {}

/** Bounds on what one request may ask for. */
export const MAX_PAGE_SIZE = 1000;
const MAX_SEARCH_LENGTH = 500;

/**
 * The filters of one request.
 * @example const q = parseLogQuery(new URLSearchParams('level=WARNING&q=timeout'));
 */
export interface LogQuery {
  page: number;
  pageSize: number;
  before: number | undefined;
  accept: (entry: LogEntry) => boolean;
  /** Whether the filter stops at the first record older than this (files are in time order). */
  since: number | undefined;
}

/** Parse and check the query string; BadQueryError names the parameter and what it takes. */
export function parseLogQuery(params: URLSearchParams): LogQuery {
  const page = count(params, 'page', 0, 0);
  const pageSize = count(params, 'page_size', 50, 1);
  if (pageSize > MAX_PAGE_SIZE) throw new BadQueryError(`page_size must be at most ${MAX_PAGE_SIZE}, got ${pageSize}`);
  const before = params.has('before') ? count(params, 'before', 0, 0) : undefined;
  const since = optional(params, 'since', (text) => time('since', text));
  const filterOptions = {
    ...optional(params, 'level', (level) => (levelNumberOf(level.toUpperCase()) === undefined ? bad('level', level, 'a level name (DEBUG, INFO, WARNING, ERROR, CRITICAL)') : level.toUpperCase())),
    ...optional(params, 'logger', (logger) => logger),
    ...since,
    ...optional(params, 'until', (until) => time('until', until)),
  };
  const readerFilter = compileFilter(filterOptions);
  const extra = [searchFilter(params), levelSetFilter(params), ...fieldFilters(params)].filter((f) => f !== undefined);
  const accept = extra.length === 0 ? readerFilter : (entry: LogEntry) => readerFilter(entry) && extra.every((f) => f(entry));
  return { page, pageSize, before, accept, since: since.since };
}

/**
 * The page for a query: `readLogs` itself, with the viewer's own filters as its `match`, so the
 * API's pages are `readLogs`' pages. Reading stops early when `signal` aborts (the client left).
 */
export async function queryPage(file: string, query: LogQuery, signal: AbortSignal): Promise<{ records: LogEntry[]; hasMore: boolean; nextBefore: number | undefined }> {
  const page = await readLogs(file, {
    page: query.page,
    pageSize: query.pageSize,
    ...(query.before !== undefined ? { before: query.before } : {}),
    ...(query.since !== undefined ? { since: query.since } : {}),
    match: query.accept,
    signal,
  });
  return { records: page.records, hasMore: page.hasMore, nextBefore: page.nextBefore };
}

/** `q=text` (case-insensitive, anywhere in the record as written) or `q=/pattern/flags`. */
function searchFilter(params: URLSearchParams): ((entry: LogEntry) => boolean) | undefined {
  const q = params.get('q');
  if (q === null || q === '') return undefined;
  if (q.length > MAX_SEARCH_LENGTH) throw new BadQueryError(`q must be at most ${MAX_SEARCH_LENGTH} characters`);
  const regex = /^\/(.+)\/([imsu]*)$/s.exec(q);
  if (regex !== null) {
    let pattern: RegExp;
    try {
      pattern = new RegExp(regex[1]!, regex[2]);
    } catch (err) {
      throw new BadQueryError(`q is not a valid regular expression: ${(err as Error).message}`);
    }
    return (entry) => pattern.test(entry.raw);
  }
  const needle = q.toLowerCase();
  return (entry) => entry.raw.toLowerCase().includes(needle);
}

/** `levels=INFO,ERROR`: exactly these level names (the page's level toggles). */
function levelSetFilter(params: URLSearchParams): ((entry: LogEntry) => boolean) | undefined {
  const levels = params.get('levels');
  if (levels === null) return undefined;
  const wanted = new Set(levels.split(',').filter((l) => l !== '').map((l) => l.toUpperCase()));
  return (entry) => wanted.has(entry.level);
}

/** `field.sessionId=abc`: a JSON record whose field holds that value (as text). */
function fieldFilters(params: URLSearchParams): Array<(entry: LogEntry) => boolean> {
  const out: Array<(entry: LogEntry) => boolean> = [];
  for (const [key, value] of params) {
    if (!key.startsWith('field.')) continue;
    const name = key.slice(6);
    out.push((entry) => {
      const field = Object.hasOwn(entry.fields, name) ? entry.fields[name] : undefined;
      return field !== undefined && field !== null && (typeof field === 'object' ? JSON.stringify(field) : String(field)) === value;
    });
  }
  return out;
}

function count(params: URLSearchParams, name: string, fallback: number, min: number): number {
  const text = params.get(name);
  if (text === null || text === '') return fallback;
  const n = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(n) || n < min) bad(name, text, `a whole number ≥ ${min}`);
  return n;
}

function time(name: string, text: string): number {
  const ms = /^\d+$/.test(text) ? Number(text) : Date.parse(text);
  if (Number.isNaN(ms)) bad(name, text, 'epoch milliseconds or a date like 2026-11-21T14:00:00Z');
  return ms;
}

function optional<T>(params: URLSearchParams, name: string, read: (text: string) => T): Record<string, T> {
  const text = params.get(name);
  return text === null || text === '' ? {} : { [name]: read(text) };
}

function bad(name: string, value: string, wanted: string): never {
  throw new BadQueryError(`${name} must be ${wanted}, got ${JSON.stringify(value.slice(0, 100))}`);
}
