import { CRITICAL, DEBUG, ERROR, INFO, WARNING } from '../core/levels.js';

/** A colour of the 16-colour set, named as chalk names it; the palette below is the only place colours are chosen. */
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

/** The glyph shown before a line when glyphs are on, per level (see levelGlyphs). */
export const LEVEL_SYMBOLS: ReadonlyMap<number, 'info' | 'success' | 'warning' | 'error'> = new Map([
  [DEBUG, 'info'],
  [INFO, 'info'],
  [WARNING, 'warning'],
  [ERROR, 'error'],
  [CRITICAL, 'error'],
]);

/**
 * Each colour's SGR codes (16-colour set: the same bytes at every colour level, as chalk writes
 * them). A table of our own rather than chalk: chalk cost about 10 ms of a cold import
 * (bench/cold-import.mjs), for eight colours and bold.
 */
const SGR: Readonly<Record<ColourName | 'bold', readonly [open: string, close: string]>> = {
  gray: ['\u001B[90m', '\u001B[39m'],
  cyan: ['\u001B[36m', '\u001B[39m'],
  white: ['\u001B[37m', '\u001B[39m'],
  yellow: ['\u001B[33m', '\u001B[39m'],
  redBright: ['\u001B[91m', '\u001B[39m'],
  red: ['\u001B[31m', '\u001B[39m'],
  green: ['\u001B[32m', '\u001B[39m'],
  blue: ['\u001B[34m', '\u001B[39m'],
  bold: ['\u001B[1m', '\u001B[22m'],
};

/** The codes that open `colour`. @example sgrOpen('green') // '\u001B[32m' */
export function sgrOpen(colour: ColourName | 'bold'): string {
  return SGR[colour][0];
}

/** The codes that close `colour`. @example sgrClose('green') // '\u001B[39m' */
export function sgrClose(colour: ColourName | 'bold'): string {
  return SGR[colour][1];
}

/**
 * `text` in `colour`, byte for byte as chalk writes one style: an inner close code re-opens the
 * colour right after it (so the level colour resumes after a keyword), each line break is
 * closed before and re-opened after (a terminal that drops colour at a new line keeps it), and
 * empty text stays empty.
 * @example paint('red', 'FAILED') // '\u001B[31mFAILED\u001B[39m'
 */
export function paint(colour: ColourName | 'bold', text: string): string {
  if (text === '') return text;
  const [open, close] = SGR[colour];
  let body = text;
  if (body.includes('\u001B')) body = body.split(close).join(close + open);
  if (body.includes('\n')) body = body.replace(/\r?\n/g, (lineBreak) => close + lineBreak + open);
  return open + body + close;
}

/** Each colour (and bold) as a function of the text, coloured or left as it is. */
export type Styler = Readonly<Record<ColourName | 'bold', (text: string) => string>>;

/**
 * The painters for output that is coloured (`true`) or plain (`false`).
 * @example styler(true).bold('run 42') // '\u001B[1mrun 42\u001B[22m'
 */
export function styler(colour: boolean): Styler {
  const names = [...Object.keys(SGR)] as Array<ColourName | 'bold'>;
  const unchanged = (text: string): string => text;
  return Object.fromEntries(names.map((name) => [name, colour ? (text: string) => paint(name, text) : unchanged])) as unknown as Styler;
}

/** The glyphs shown before a line, with the plain fallbacks of a console that lacks Unicode. */
const GLYPHS = {
  info: ['ℹ', 'i'],
  success: ['✔', '√'],
  warning: ['⚠', '‼'],
  error: ['✖️', '×'],
} as const;

/** A kind of level glyph. */
export type GlyphKind = keyof typeof GLYPHS;

/**
 * The level glyphs, without colour. Unicode unless the console cannot show it: the Linux kernel
 * console (`TERM=linux`) and, on Windows, any terminal not known to take Unicode — the same rule
 * log-symbols follows, inlined because that package cost about 3 ms of a cold import
 * (bench/cold-import.mjs).
 * @example levelGlyphs().warning // '⚠'
 */
export function levelGlyphs(env: NodeJS.ProcessEnv = process.env): Readonly<Record<GlyphKind, string>> {
  const at = unicodeConsole(env) ? 0 : 1;
  return { info: GLYPHS.info[at], success: GLYPHS.success[at], warning: GLYPHS.warning[at], error: GLYPHS.error[at] };
}

function unicodeConsole(env: NodeJS.ProcessEnv): boolean {
  if (process.platform !== 'win32') return env.TERM !== 'linux';
  return Boolean(env.WT_SESSION) || Boolean(env.TERMINUS_SUBLIME) || env.ConEmuTask === '{cmd::Cmder}'
    || env.TERM_PROGRAM === 'Terminus-Sublime' || env.TERM_PROGRAM === 'vscode'
    || ['xterm-256color', 'alacritty', 'rxvt-unicode', 'rxvt-unicode-256color'].includes(env.TERM ?? '')
    || env.TERMINAL_EMULATOR === 'JetBrains-JediTerm';
}
