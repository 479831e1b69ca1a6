/**
 * The one method every disabled level points at, in a file of its own so the logger and its
 * adapter share it without importing each other: an adapter hands the same no-op out while
 * the logger's level is off, and a disabled call costs what it costs on the logger itself.
 * @internal
 */
export function disabledLogMethod(): void {}
