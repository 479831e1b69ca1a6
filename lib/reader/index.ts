/**
 * `railtracks-observability/reader`: reading log files back, newest first, page by page,
 * without loading the whole file; text and JSON-lines files alike.
 */
export { readLogs } from './read-logs.js';
export type { ReadLogsOptions, LogPage } from './read-logs.js';
export { readLinesBackward } from './backward-lines.js';
export type { BackwardLine, BackwardLinesOptions } from './backward-lines.js';
export { parseLine, levelNumberOf } from './parse-entry.js';
export { rotatedSet } from './rotated-set.js';
export { MAX_RECORD_BYTES } from './line-cap.js';
export type { LogEntry } from './parse-entry.js';
