/**
 * `railtracks-observability/python`: CPython behaviour with no logging in it — `str()`/`repr()`
 * of JS values, `%` formatting, `str.format` format specs and `time.strftime` — exactly as
 * python3 produces them.
 */
export { pyStr, pyRepr } from './repr.js';
export { percentFormat, compilePercent } from './percent.js';
export { formatSpec } from './format-spec.js';
export { PythonError } from './errors.js';
export type { PythonErrorType } from './errors.js';
export { strftime } from './strftime.js';
