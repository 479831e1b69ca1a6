/**
 * The Railtracks line layouts, defined once. The console line is split into its timestamp and
 * body so the colour formatter can colour each part without re-parsing the rendered text.
 */

/** `[+3.525  s]`: seconds since load, three decimals, left-justified to seven characters. */
export const CONSOLE_TIMESTAMP_FORMAT = '[+%(relative_seconds)-7ss]';
/** ` RT          : INFO     - message`. */
export const CONSOLE_BODY_FORMAT = ' %(name)-12s: %(levelname)-8s - %(message)s';
/** The whole console line, byte for byte the Python original's. */
export const CONSOLE_FORMAT = CONSOLE_TIMESTAMP_FORMAT + CONSOLE_BODY_FORMAT;
/** The log-file line (without the Python original's stray `s` after the level name). */
export const FILE_FORMAT = '%(asctime)s - %(relative_seconds)s - %(levelname)s - %(name)s - %(message)s';
