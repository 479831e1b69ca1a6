import type { LogEntry } from '../reader/parse-entry.js';
import { strftime } from '../python/strftime.js';
import { CONTINUATION_INDENT, escapeForTerminal } from '../core/terminal-text.js';
import { levelGlyphs, paint, styler, type Styler } from '../railtracks/palette.js';

export interface PrettyOptions {
  /** Colours and symbols on (true) or plain text (false). */
  colour: boolean;
  /** Print the JSON fields after the message. */
  fields: boolean;
}

/**
 * One record as `rtlog` prints it: symbol, local time, level, logger, message, and for JSON
 * lines their structured fields; colours follow the console's palette (DEBUG cyan, WARNING
 * yellow, ERROR bright red, CRITICAL red).
 * @example renderEntry(entry, { colour: false, fields: true }) // 'ℹ 2026-11-21 14:09:37.370 INFO     RT.worker: started'
 */
export function renderEntry(entry: LogEntry, options: PrettyOptions): string {
  const c = options.colour ? colourful : plain;
  // Every field comes from a file anyone may have written: none reaches the terminal raw.
  const level = escapeForTerminal(entry.level).padEnd(8);
  const paintLevel = levelColour(c, entry.levelno ?? 0);
  const time = entry.time === undefined ? '                       ' : strftime('%Y-%m-%d %H:%M:%S', new Date(entry.time)) + `.${String(entry.time % 1000).padStart(3, '0')}`;
  let line = `${symbolFor(entry.levelno ?? 0, options.colour)} ${c.gray(time)} ${paintLevel(level)} ${c.bold(escapeForTerminal(entry.logger))}: ${escapeForTerminal(entry.message, CONTINUATION_INDENT)}`;
  if (options.fields && Object.keys(entry.fields).length > 0) line += ` ${c.gray(escapeForTerminal(JSON.stringify(entry.fields)))}`;
  return line;
}

/**
 * A line that belongs to the record above it (a traceback line `rtlog -f` reads on its own),
 * as `renderEntry` prints a record's continuation lines: indented and escaped.
 * @example renderContinuation('  File "w.py", line 3') // '      File "w.py", line 3'
 */
export function renderContinuation(line: string): string {
  return CONTINUATION_INDENT + escapeForTerminal(line, CONTINUATION_INDENT);
}

const colourful = styler(true);
const plain = styler(false);
const glyphs = levelGlyphs();

function levelColour(c: Styler, levelno: number): (text: string) => string {
  if (levelno >= 50) return c.red;
  if (levelno >= 40) return c.redBright;
  if (levelno >= 30) return c.yellow;
  if (levelno >= 20) return c.white;
  return c.cyan;
}

function symbolFor(levelno: number, colour: boolean): string {
  if (!colour) return levelno >= 40 ? '✖' : levelno >= 30 ? '⚠' : levelno >= 20 ? 'ℹ' : '·';
  if (levelno >= 40) return paint('red', glyphs.error);
  if (levelno >= 30) return paint('yellow', glyphs.warning);
  if (levelno >= 20) return paint('blue', glyphs.info);
  return colourful.gray('·');
}
