/**
 * How many positional arguments a `%` format string consumes, without formatting it. The logger
 * uses this to tell a trailing `Error` that fills a `%s` from one given as the record's exception.
 * Mapping formats (`%(key)s`) consume exactly one argument, the mapping.
 */
const cache = new Map<string, number>();
const CACHE_LIMIT = 512;

/** @example countPercentArgs('%s did %*d %%') // 3 */
export function countPercentArgs(fmt: string): number {
  const known = cache.get(fmt);
  if (known !== undefined) return known;
  const count = scan(fmt);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(fmt, count);
  return count;
}

function scan(fmt: string): number {
  let count = 0;
  let i = fmt.indexOf('%');
  while (i >= 0 && i < fmt.length) {
    i++;
    if (fmt[i] === '%') {
      i = fmt.indexOf('%', i + 1);
      continue;
    }
    if (fmt[i] === '(') return 1;
    while (i < fmt.length && '#0- +'.includes(fmt[i]!)) i++;
    if (fmt[i] === '*') {
      count++;
      i++;
    } else while (i < fmt.length && fmt[i]! >= '0' && fmt[i]! <= '9') i++;
    if (fmt[i] === '.') {
      i++;
      if (fmt[i] === '*') {
        count++;
        i++;
      } else while (i < fmt.length && fmt[i]! >= '0' && fmt[i]! <= '9') i++;
    }
    if (i < fmt.length && 'hlL'.includes(fmt[i]!)) i++;
    count++;
    i = fmt.indexOf('%', i + 1);
  }
  return count;
}
