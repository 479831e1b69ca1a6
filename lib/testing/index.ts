/**
 * `railtracks-observability/testing`: for users' own test suites (and ours) — an in-memory
 * handler, a full reset of every piece of global logging state, and a clock moved by hand.
 */
export { MemoryHandler } from './memory-handler.js';
export { resetLogging } from './reset.js';
export { useFixedClock } from './fixed-clock.js';
export type { FixedClock } from './fixed-clock.js';
