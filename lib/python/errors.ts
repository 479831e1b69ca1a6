/** The Python exceptions the formatting code raises, by their Python class names. */
export type PythonErrorType = 'ValueError' | 'TypeError' | 'KeyError' | 'IndexError' | 'AttributeError' | 'OverflowError';

/**
 * A Python exception raised by Python-compatible code (`%` formatting, format specs): `pyType`
 * and `name` are the Python class, `message` is CPython's message, so a logging-error report
 * reads `TypeError: not all arguments converted during string formatting` as Python's does.
 * @example
 * try { percentFormat('%d', ['x']); } catch (e) {
 *   (e as PythonError).pyType; // 'TypeError'
 * }
 */
export class PythonError extends Error {
  readonly pyType: PythonErrorType;
  constructor(pyType: PythonErrorType, message: string) {
    super(message);
    this.name = pyType;
    this.pyType = pyType;
  }
}
