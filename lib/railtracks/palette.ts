import { CRITICAL, DEBUG, ERROR, INFO, WARNING } from '../core/levels.js';

/** A chalk style name; the palette below is the only place colours are chosen. */
export type ColourName = 'gray' | 'cyan' | 'white' | 'yellow' | 'redBright' | 'red' | 'green' | 'blue';

/** The timestamp segment's colour (bright black). */
export const TIMESTAMP_COLOUR: ColourName = 'gray';

/** The colour of everything after the timestamp, per level. */
export const LEVEL_COLOURS: ReadonlyMap<number, ColourName> = new Map([
  [DEBUG, 'cyan'],
  [INFO, 'white'],
  [WARNING, 'yellow'],
  [ERROR, 'redBright'],
  [CRITICAL, 'red'],
]);

/** Whole words inside a message that get their own colour, matched case-insensitively. */
export const KEYWORD_COLOURS: ReadonlyMap<string, ColourName> = new Map([
  ['FAILED', 'red'],
  ['WARNING', 'yellow'],
  ['CREATED', 'green'],
  ['DONE', 'blue'],
]);

/** Matches any keyword above as a whole word. */
export const KEYWORD_PATTERN = new RegExp(`\\b(${[...KEYWORD_COLOURS.keys()].join('|')})\\b`, 'gi');

/** The log-symbols glyph shown before a line when glyphs are on. */
export const LEVEL_SYMBOLS: ReadonlyMap<number, 'info' | 'success' | 'warning' | 'error'> = new Map([
  [DEBUG, 'info'],
  [INFO, 'info'],
  [WARNING, 'warning'],
  [ERROR, 'error'],
  [CRITICAL, 'error'],
]);
