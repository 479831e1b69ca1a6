/**
 * Where a log call was made: Python's `pathname`, `filename`, `module`, `lineno` and `funcName`.
 *
 * Python finds the caller on every record (unless `logging._srcfile` is None). Here it costs a
 * stack capture (about 7 us on the bench machine, tens of times a plain record), so records carry Python's
 * placeholders (`(unknown file)`, 0, `(unknown function)`) until it is wanted: automatically once
 * a Formatter whose layout reads one of these fields is created, or explicitly with
 * {@link captureCallSites}. Frames inside this library are skipped, as Python skips its own
 * logging module, so the site is the user's line however the call reached the logger.
 */
import { basename, dirname, extname, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FormatStyle } from './format-styles.js';
import type { LogRecord } from './record.js';

/**
 * This library's own root (lib/ in the sources, dist/ when built; this file sits one folder
 * below it, in core/): frames anywhere under it, in any layer, are ours.
 */
const LIBRARY_DIR = dirname(dirname(fileURLToPath(import.meta.url))) + sep;
const CALL_SITE_FIELDS = ['pathname', 'filename', 'module', 'lineno', 'funcName'] as const;
/** Frames captured first: ours are at most about five deep, and each frame costs time. */
const STACK_DEPTH = 8;
/** Captured again this deep when the first look found only our own frames. */
const DEEP_STACK_DEPTH = 64;
/** Paths worked out from frame locations, by location (URL parsing was ~1.5 us per record). */
const places = new Map<string, Place | null>();
const PLACES_KEPT = 512;

interface Place {
  readonly pathname: string;
  readonly filename: string;
  readonly module: string;
}

let explicit: boolean | undefined;
let wanted = false;

/**
 * Turn call-site capture on or off for every logger, whatever the formatters use; with no
 * argument, go back to the default (on once a formatter reads a call-site field).
 * @example
 * captureCallSites(true);  // e.g. for a JSON handler that reads record.lineno itself
 * captureCallSites(false); // Python's `logging._srcfile = None`
 * captureCallSites();      // automatic again
 */
export function captureCallSites(enabled?: boolean): void {
  explicit = enabled;
}

/** Whether records get their call site now. @example if (callSitesWanted()) fillCallSite(record); */
export function callSitesWanted(): boolean {
  return explicit ?? wanted;
}

/** Forget that a formatter asked for call sites and any explicit setting (for resetLogging). */
export function resetCallSites(): void {
  explicit = undefined;
  wanted = false;
}

/**
 * Note a layout that reads a call-site field, so records start carrying their call site.
 * @example noteLayout('%(filename)s:%(lineno)d %(message)s', '%'); callSitesWanted(); // true
 */
export function noteLayout(fmt: string, style: FormatStyle): void {
  if (wanted) return;
  wanted = CALL_SITE_FIELDS.some((field) =>
    style === '%' ? fmt.includes(`%(${field})`) : style === '{' ? new RegExp(`\\{${field}[!:.\\[}]`).test(fmt) : new RegExp(`\\$\\{?${field}\\b`).test(fmt));
}

/**
 * Set `record`'s call-site fields from the first stack frame outside this library. Leaves the
 * placeholders when no such frame is found (a call from inside the library, or a stack cut
 * short by the engine). Never throws.
 * @example const r = new LogRecord('app', 20, 'hi', []); fillCallSite(r); r.lineno > 0; // true
 */
export function fillCallSite(record: LogRecord): void {
  const limit = Error.stackTraceLimit;
  const prepare = Error.prepareStackTrace;
  try {
    // The engine's structured frames, not the formatted text: formatting every frame's position
    // made a text stack cost ~15 us; only the frame used is asked for its line and name.
    Error.prepareStackTrace = structuredFrames;
    if (fillFrom(record, STACK_DEPTH)) return;
    fillFrom(record, DEEP_STACK_DEPTH);
  } catch {
    // A frame that cannot be read: keep the placeholders.
  } finally {
    Error.stackTraceLimit = limit;
    Error.prepareStackTrace = prepare;
  }
}

/** Capture `depth` frames and fill from the first one outside the library; whether one was found. */
function fillFrom(record: LogRecord, depth: number): boolean {
  Error.stackTraceLimit = depth;
  const holder: { stack?: unknown } = {};
  Error.captureStackTrace(holder, fillCallSite);
  const frames = holder.stack;
  if (!Array.isArray(frames)) return false;
  for (const frame of frames as NodeJS.CallSite[]) {
    const location = frame.getFileName();
    if (location === undefined || location === null) continue;
    const place = placeOf(location);
    if (place === null) continue;
    record.pathname = place.pathname;
    record.filename = place.filename;
    record.module = place.module;
    record.lineno = frame.getLineNumber() ?? 0;
    record.funcName = frame.getFunctionName() ?? '<module>';
    return true;
  }
  return false;
}

/**
 * Whether a file path belongs to this library, so its frames are skipped.
 * @internal
 */
export function isLibraryFile(path: string): boolean {
  return path.startsWith(LIBRARY_DIR);
}

/** The Python path fields of a frame location; null for a frame inside this library. */
function placeOf(location: string): Place | null {
  let place = places.get(location);
  if (place !== undefined) return place;
  const path = location.startsWith('file://') ? fileURLToPath(location) : location;
  place = isLibraryFile(path) ? null : { pathname: path, filename: basename(path), module: basename(path, extname(path)) };
  if (places.size < PLACES_KEPT) places.set(location, place);
  return place;
}

function structuredFrames(_error: Error, frames: NodeJS.CallSite[]): NodeJS.CallSite[] {
  return frames;
}
