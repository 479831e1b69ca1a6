import type { FILE_FORMAT } from '../railtracks/formats.js';
import { toLevelNumber } from '../core/levels.js';
import { cutNoteOf } from './line-cap.js';

/** One record read back from a log file. */
export interface LogEntry {
  /** Milliseconds since the epoch, when the line carries a time. */
  time: number | undefined;
  /** The level name as written (`INFO`, `Level 15`). */
  level: string;
  /** The level number, when the name is known. */
  levelno: number | undefined;
  logger: string;
  /** The message; for text records, followed by any traceback lines. */
  message: string;
  /** Every other field of a JSON line (structured data, action, exception…); `{}` for text. */
  fields: Record<string, unknown>;
  format: 'json' | 'text';
  /** The record as it is in the file (several lines for a text record with a traceback). */
  raw: string;
  /**
   * Byte offset of the record in the file; when a rotated set is read, in the set as if its
   * files were one (oldest backup first), which is what `before` takes.
   */
  offset: number;
  /** When a rotated set is read: the file the record is in. */
  file?: string;
}

/**
 * The header line of the file layout {@link FILE_FORMAT}: asctime - relative - level - name -
 * message (the reader tests render lines with that constant, so a change to it fails them).
 */
const TEXT_HEADER = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2}),(\d{3}) - (-?\d+\.\d+) - ([A-Z]+|Level \d+) - (\S+) - (.*)$/s;

/**
 * The level number of a level name, `Level N` included; undefined for names we do not know.
 * @example levelNumberOf('WARNING') // 30
 */
export function levelNumberOf(name: string): number | undefined {
  const m = /^Level (\d+)$/.exec(name);
  if (m !== null) return Number(m[1]);
  try {
    return toLevelNumber(name);
  } catch {
    return undefined;
  }
}

/**
 * Parse one line: a JsonFormatter line, or the header line of the text file layout.
 * Returns undefined for anything else (a traceback line belonging to the record above it).
 * @example parseLine('{"timestamp":"2026-11-21T14:09:37.370Z","level":"INFO","logger":"RT","message":"hi"}', 0)?.message // 'hi'
 */
export function parseLine(line: string, offset: number): LogEntry | undefined {
  if (line.startsWith('{')) return parseJson(line, offset);
  const m = TEXT_HEADER.exec(line);
  if (m === null) return undefined;
  const time = new Date(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!, +m[7]!).getTime();
  const level = m[9]!;
  return { time, level, levelno: levelNumberOf(level), logger: m[10]!, message: m[11]!, fields: {}, format: 'text', raw: line, offset };
}

/**
 * Join a text record's traceback lines (in file order) to it; JSON records never continue, so
 * the lines are left to the caller and `false` is returned.
 * @example attachContinuation(entry, ['Traceback (most recent call last):', '  ...']) // true for a text entry
 */
export function attachContinuation(entry: LogEntry, lines: readonly string[]): boolean {
  if (entry.format !== 'text') return false;
  if (lines.length === 0) return true;
  const tail = lines.join('\n');
  entry.message += `\n${tail}`;
  entry.raw += `\n${tail}`;
  return true;
}

function parseJson(line: string, offset: number): LogEntry | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return parseCutJson(line, offset);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const { timestamp, level, logger, message, ...fields } = value as Record<string, unknown>;
  const time = typeof timestamp === 'string' ? Date.parse(timestamp) : typeof timestamp === 'number' ? timestamp : NaN;
  const levelName = typeof level === 'string' ? level : 'NOTSET';
  return {
    time: Number.isNaN(time) ? undefined : time,
    level: levelName,
    levelno: levelNumberOf(levelName),
    logger: typeof logger === 'string' ? logger : '',
    message: typeof message === 'string' ? message : JSON.stringify(message ?? ''),
    fields,
    format: 'json',
    raw: line,
    offset,
  };
}

/**
 * The start JsonFormatter gives every line: timestamp, level, logger, then the message (a JSON
 * string, possibly cut short).
 */
const JSON_HEAD = /^\{"timestamp":("(?:[^"\\]|\\.)*"),"level":("(?:[^"\\]|\\.)*"),"logger":("(?:[^"\\]|\\.)*"),"message":"((?:[^"\\]|\\.)*)/;

/**
 * A JSON line longer than the reader's cap was cut and no longer parses: the record is still
 * shown, from the fields JsonFormatter writes first, with the message as far as it was kept and
 * the note of the cut; its other fields are lost.
 */
function parseCutJson(line: string, offset: number): LogEntry | undefined {
  const note = cutNoteOf(line);
  if (note === undefined) return undefined;
  const m = JSON_HEAD.exec(line.slice(0, line.length - note.length));
  if (m === null) return undefined;
  const timestamp = JSON.parse(m[1]!) as string;
  const level = JSON.parse(m[2]!) as string;
  const logger = JSON.parse(m[3]!) as string;
  // A message cut inside an escape drops that half escape; whole ones decode.
  const message = JSON.parse(`"${m[4]!.replace(/\\(u[0-9a-fA-F]{0,3})?$/, '')}"`) as string;
  const time = Date.parse(timestamp);
  return {
    time: Number.isNaN(time) ? undefined : time,
    level,
    levelno: levelNumberOf(level),
    logger,
    message: `${message}${note}`,
    fields: {},
    format: 'json',
    raw: line,
    offset,
  };
}
