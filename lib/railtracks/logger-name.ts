/** How the console shows a logger's name. */
export type NameStyle = 'full' | 'short';

/**
 * Railtracks' short name: the root segment, then the last segment with leading non-letters
 * removed and its first letter upper-cased. A single-segment name stays as it is.
 * @example shortLoggerName('RT.railtracks._session') // 'RT.Session'
 */
export function shortLoggerName(name: string): string {
  const first = name.indexOf('.');
  if (first < 0) return name;
  const last = name.slice(name.lastIndexOf('.') + 1).replace(/^[^\p{L}]+/u, '');
  if (last === '') return name.slice(0, first);
  return `${name.slice(0, first)}.${last[0]!.toUpperCase()}${last.slice(1)}`;
}
