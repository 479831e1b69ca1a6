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

/**
 * The colour of a level with no entry above (a custom level such as 25): white, as INFO, which
 * is upstream's fallback for every level number it does not list.
 */
export const DEFAULT_LEVEL_COLOUR: ColourName = 'white';

/** @example levelColourOf(25) // 'white' */
export function levelColourOf(levelno: number): ColourName {
  return LEVEL_COLOURS.get(levelno) ?? DEFAULT_LEVEL_COLOUR;
}

/** Whole words inside a message that get their own colour, matched case-insensitively. */
export const KEYWORD_COLOURS: ReadonlyMap<string, ColourName> = new Map([
  ['FAILED', 'red'],
  ['WARNING', 'yellow'],
  ['CREATED', 'green'],
  ['DONE', 'blue'],
]);

/** The keywords in pattern order: capture group `i + 1` of {@link KEYWORD_PATTERN} is keyword `i`. */
export const KEYWORDS: readonly string[] = [...KEYWORD_COLOURS.keys()];

// Python's `\w` on str: letters, digits and numerals of any script, and `_`. JS `\b` is ASCII
// only, so `éDONE` would count as a word there; these lookarounds keep Python's boundaries.
// Combining marks are not word characters in Python either, so `DONE\u0301` still matches.
const NOT_AFTER_WORD = '(?<![\\p{L}\\p{N}_])';
const NOT_BEFORE_WORD = '(?![\\p{L}\\p{N}_])';
// Python's IGNORECASE also lets `İ` (U+0130) and `ı` (U+0131) match `i`; JS case folding does not.
const keywordSource = (word: string): string => `(${word.replace(/I/g, '[Iİı]')})`;

/**
 * Matches any keyword above as a whole word, as upstream's `(?i)\b(KEYWORD)\b`: one capture
 * group per keyword, in the order of {@link KEYWORDS}.
 */
export const KEYWORD_PATTERN = new RegExp(`${NOT_AFTER_WORD}(?:${KEYWORDS.map(keywordSource).join('|')})${NOT_BEFORE_WORD}`, 'giu');

/** The log-symbols glyph shown before a line when glyphs are on. */
export const LEVEL_SYMBOLS: ReadonlyMap<number, 'info' | 'success' | 'warning' | 'error'> = new Map([
  [DEBUG, 'info'],
  [INFO, 'info'],
  [WARNING, 'warning'],
  [ERROR, 'error'],
  [CRITICAL, 'error'],
]);
