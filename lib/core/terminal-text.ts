/**
 * Text bound for a terminal: the one escaping every human-facing output applies (the console's
 * `ColorfulFormatter`, `rtlog`), so that no field of a record — a message from a network peer,
 * a level name a peer chose, a traceback from a worker, a line read back from a file — can drive
 * the terminal (colours, cursor moves, window titles, hyperlinks, bells), reorder what is shown
 * (bidi overrides) or fake a record of its own (a raw line break). Plain files keep Python's bytes;
 * see docs/components/security.md for what is escaped where.
 *
 * What is escaped, and how it reads:
 * - `\r` as `\r`; every other C0 control (U+0000–U+001F except tab and line feed), DEL and every
 *   C1 control (U+0080–U+009F, which includes the one-byte CSI U+009B and NEL U+0085) as `\xNN`;
 * - the bidi formatting characters (ALM U+061C, LRM/RLM U+200E/U+200F, the embeddings and
 *   overrides U+202A–U+202E, the isolates U+2066–U+2069) and the Unicode line and paragraph
 *   separators U+2028/U+2029 as `\uNNNN`;
 * - a line feed: in one-line fields (a level name, a logger name) as `\n`; in text that may span
 *   lines (a message, a traceback) it stays a line break, and the next line starts with
 *   {@link CONTINUATION_INDENT}, so a continuation line never starts where a record does.
 * Tab and every printable character (backslash included) stay as they are.
 */

/** What starts every continuation line of a record on a terminal: no record line starts with a space. */
export const CONTINUATION_INDENT = '    ';

const UNSAFE_SOURCE = '[\\x00-\\x08\\x0a-\\x1f\\x7f-\\x9f\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2028\\u2029\\u2066-\\u2069]';
// Without the global flag `test` keeps no state and, for the usual text with nothing to escape,
// is several times cheaper than a `replace` that finds nothing.
const HAS_UNSAFE = new RegExp(UNSAFE_SOURCE);
const UNSAFE = new RegExp(UNSAFE_SOURCE, 'g');
const HEX = '0123456789abcdef';

/**
 * `text` made safe to print on a terminal (see the module comment for exactly what changes).
 * Without `continuation` the result is one line; with it, each line break is kept and followed
 * by `continuation` (normally {@link CONTINUATION_INDENT}).
 *
 * @example
 * escapeForTerminal('\u001b]0;owned\u0007');          // '\\x1b]0;owned\\x07'
 * escapeForTerminal('WARN\nING');                      // 'WARN\\nING'
 * escapeForTerminal('one\ntwo', CONTINUATION_INDENT);  // 'one\n    two'
 */
export function escapeForTerminal(text: string, continuation?: string): string {
  if (!HAS_UNSAFE.test(text)) return text;
  return text.replace(UNSAFE, (c) => {
    const code = c.charCodeAt(0);
    if (code === 0x0a) return continuation === undefined ? '\\n' : '\n' + continuation;
    if (code === 0x0d) return '\\r';
    if (code <= 0xff) return '\\x' + HEX[code >> 4] + HEX[code & 15];
    return '\\u' + code.toString(16).padStart(4, '0');
  });
}
