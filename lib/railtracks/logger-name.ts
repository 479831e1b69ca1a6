/** How the console shows a logger's name. */
export type NameStyle = 'full' | 'short';

const RT_PREFIX = 'RT.';
// Upstream strips with an ASCII class, so a leading `é` or `Ω` goes too (`RT.élan` → `RT.Lan`).
const LEADING_NON_ASCII_LETTERS = /^[^a-zA-Z]+/;

/**
 * Railtracks' short name, built as upstream's console does: a name under `RT.` shows as `RT.`
 * plus its last dot-separated segment, with leading characters other than ASCII letters removed
 * and Python's `str.capitalize()` applied (first letter upper-cased, the rest lower-cased). A
 * segment with nothing left after the strip is shown as it was (`RT.123`, `RT.` for a trailing
 * dot). `RT` itself and every name outside the `RT` tree are shown unchanged.
 * @example shortLoggerName('RT.railtracks._session') // 'RT.Session'
 * @example shortLoggerName('RT.httpClient') // 'RT.Httpclient'
 * @example shortLoggerName('app.db.pool') // 'app.db.pool'
 */
export function shortLoggerName(name: string): string {
  if (!name.startsWith(RT_PREFIX)) return name;
  const segment = name.slice(name.lastIndexOf('.') + 1);
  const label = segment.replace(LEADING_NON_ASCII_LETTERS, '');
  if (label === '') return RT_PREFIX + segment;
  // After the strip the first character is an ASCII letter, so lower-casing the whole label
  // keeps it one unit long; lower-casing the whole (not the rest alone) lets JS apply the
  // final-sigma rule with the same context as Python's str.capitalize() (`RT.xΣ` → `RT.Xς`).
  return RT_PREFIX + label[0]!.toUpperCase() + label.toLowerCase().slice(1);
}
