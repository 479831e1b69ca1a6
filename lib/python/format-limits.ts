/**
 * How large a field a format may ask for. A log message and its arguments can come from a
 * network peer and a layout from a config file, so `%400000000s` or `{created:.99999999f}`
 * must fail fast instead of allocating hundreds of megabytes or computing for half a minute
 * per record. CPython has no practical bound for `%` and `str.format` (it tries, and stalls),
 * so these are ours, far above any real layout (`%-12s`, `%.3f`, `%.1100f` for every digit of a
 * subnormal). `time.strftime` does have CPython's own bound: see {@link strftimeOutputLimit}.
 * docs/components/formatters.md states them.
 */

/** The widest field `%` or `str.format` renders: padding beyond it is a format error. */
export const MAX_FIELD_WIDTH = 10_000;

/**
 * The largest precision of a numeric conversion (`%.Nf`, `{:.Ne}`, `%.Nd`). Precision of a
 * string only cuts text that is already there, so it costs nothing and has no bound.
 */
export const MAX_NUMERIC_PRECISION = 10_000;

/**
 * Why a width or precision is refused, as the ValueError message; undefined when it is within
 * bounds. Python words its own overflow "width too big" / "precision too big"; ours adds the limit.
 *
 * @example
 * fieldSizeProblem(400_000_000, -1, false); // 'width too big (400000000; the limit is 10000)'
 */
export function fieldSizeProblem(width: number, precision: number, numeric: boolean): string | undefined {
  if (width > MAX_FIELD_WIDTH) return `width too big (${width}; the limit is ${MAX_FIELD_WIDTH})`;
  if (numeric && precision > MAX_NUMERIC_PRECISION) {
    return `precision too big (${precision}; the limit is ${MAX_NUMERIC_PRECISION})`;
  }
  return undefined;
}

/**
 * CPython's `time.strftime` bound on Linux: it retries with buffers of 1024, 2048, … bytes until
 * one reaches 256 × the format's length in bytes, and returns '' when the text (plus its NUL)
 * still does not fit. So the longest text it returns is that last buffer's size minus one.
 *
 * @example
 * strftimeOutputLimit(6);  // 2047: '%2000Y' still prints 2000 characters, '%4000Y' prints ''
 */
export function strftimeOutputLimit(formatBytes: number): number {
  let size = 1024;
  while (size < 256 * formatBytes) size += size;
  return size - 1;
}
