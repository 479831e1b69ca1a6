/**
 * Our level numbers as OpenTelemetry severity numbers. Python's five levels land on the first
 * number of each range (DEBUG 5, INFO 9, WARN 13, ERROR 17, FATAL 21); a custom level between
 * two of them takes the proportional step inside the lower range (25 → 11, INFO3), below DEBUG
 * is TRACE (1–4), NOTSET is UNSPECIFIED (0).
 */

/**
 * @example otelSeverity(30) // 13 (WARN)
 */
export function otelSeverity(levelno: number): number {
  if (!(levelno > 0)) return 0;
  if (levelno < 10) return 1 + Math.floor((levelno * 4) / 10);
  const band = Math.min(Math.floor((levelno - 10) / 10), 4);
  const step = Math.min(Math.floor(((levelno - 10 - band * 10) * 4) / 10), 3);
  return 5 + band * 4 + step;
}
