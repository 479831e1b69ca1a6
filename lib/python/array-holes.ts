/**
 * JS arrays with holes (`a[1e8] = 'x'`, `a.length = 2 ** 32 - 1`), walked at the cost of their
 * elements rather than their length: every writer of arrays here (repr, JSON lines) walks the
 * dense start itself, element by element, and hands over to {@link walkAfterHole} at the first
 * hole. A run of holes is written as one item saying how many there were: `<3 empty items>` in
 * Python text, `"[3 empty items]"` in JSON (docs/components/formatters.md, json_lines.md).
 */

/**
 * Whether index `i` of `items`, already read as `item` (read once: it may be a getter), is a
 * hole (never set, or deleted). Cheap for the usual element: `in` only runs for `undefined`.
 *
 * @example
 * const items = [1, , 3];
 * isHole(items, 1, items[1]); // true
 */
export function isHole(items: readonly unknown[], i: number, item: unknown): boolean {
  return item === undefined && !(i in items);
}

/**
 * Walks `items` from index `from` (a hole) to its end: `onElement(i)` for each element present,
 * `onHoles(n)` for each run of `n` holes, in order. The present indices come from the array's
 * own keys, so a length of 2^32 − 1 with three elements costs three steps.
 *
 * @example
 * walkAfterHole([1, , , 4], 1, (i) => out.push(i), (n) => out.push(`${n} holes`)); // out: ['2 holes', 3]
 */
export function walkAfterHole(
  items: readonly unknown[], from: number, onElement: (index: number) => void, onHoles: (count: number) => void,
): void {
  const length = items.length;
  let next = from;
  // Own keys list integer indices first, in ascending order, then `length` and any named keys.
  for (const key of Object.getOwnPropertyNames(items)) {
    const index = Number(key);
    if (!Number.isInteger(index) || key === 'length') break;
    if (index < next || index >= length) continue;
    if (index > next) onHoles(index - next);
    onElement(index);
    next = index + 1;
  }
  if (length > next) onHoles(length - next);
}

/**
 * How a run of holes reads: `3 empty items`, `1 empty item`.
 *
 * @example
 * emptyItems(3); // '3 empty items'
 */
export function emptyItems(count: number): string {
  return count === 1 ? '1 empty item' : `${count} empty items`;
}
