/**
 * An object literal or `Object.create(null)`: what Python would call a dict (as opposed to an
 * instance of a class). Never throws: a hostile Proxy whose trap throws is simply not one.
 * @example isPlainObject({ a: 1 }) // true; isPlainObject(new Date()) // false
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  try {
    const proto: unknown = Object.getPrototypeOf(value);
    return proto === Object.prototype || proto === null;
  } catch {
    return false;
  }
}
