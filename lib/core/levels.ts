/**
 * The one table of logging levels. Numbers and names are Python's, so a record that crosses
 * the process boundary keeps its level and a config file means the same thing in both languages.
 */

export const NOTSET = 0;
export const DEBUG = 10;
export const INFO = 20;
export const WARNING = 30;
export const ERROR = 40;
export const CRITICAL = 50;

/** The names Python's `logging` knows out of the box. */
export type LevelName = 'NOTSET' | 'DEBUG' | 'INFO' | 'WARNING' | 'ERROR' | 'CRITICAL';
/** Aliases Python accepts when a level is given by name. */
export type LevelAlias = 'WARN' | 'FATAL';
/**
 * A level as a user may give it: a number, or a name (`'INFO'`). Names added with
 * {@link addLevelName} are accepted too, hence the open `string & {}` tail that keeps completion.
 */
export type Level = number | LevelName | LevelAlias | (string & {});

const STANDARD: ReadonlyMap<string, number> = new Map([
  ['CRITICAL', CRITICAL],
  ['FATAL', CRITICAL],
  ['ERROR', ERROR],
  ['WARN', WARNING],
  ['WARNING', WARNING],
  ['INFO', INFO],
  ['DEBUG', DEBUG],
  ['NOTSET', NOTSET],
]);
const STANDARD_NAMES: ReadonlyMap<number, string> = new Map([
  [CRITICAL, 'CRITICAL'],
  [ERROR, 'ERROR'],
  [WARNING, 'WARNING'],
  [INFO, 'INFO'],
  [DEBUG, 'DEBUG'],
  [NOTSET, 'NOTSET'],
]);

const nameToLevel = new Map<string, number>(STANDARD);
const levelToName = new Map<number, string>(STANDARD_NAMES);

/**
 * The name of a level number, or Python's `Level N` for numbers without one.
 * @example getLevelName(30) // 'WARNING'; getLevelName(15) // 'Level 15'
 */
export function getLevelName(level: number): string {
  return levelToName.get(level) ?? `Level ${level}`;
}

/**
 * Register a custom level name, as Python's `logging.addLevelName`.
 * @example addLevelName(25, 'NOTICE'); getRtLogger().log(25, 'disk at 80%%');
 */
export function addLevelName(level: number, name: string): void {
  levelToName.set(level, name);
  nameToLevel.set(name, level);
  levelChangeListeners.forEach((listener) => listener());
}

/**
 * Forget every name added by {@link addLevelName}: back to Python's standard table.
 * @internal for resetLogging
 */
export function resetLevelNames(): void {
  for (const [name, level] of [...nameToLevel]) if (!STANDARD.has(name) || STANDARD.get(name) !== level) nameToLevel.delete(name);
  for (const [name, level] of STANDARD) nameToLevel.set(name, level);
  levelToName.clear();
  for (const level of [CRITICAL, ERROR, WARNING, INFO, DEBUG, NOTSET]) levelToName.set(level, STANDARD_NAMES.get(level)!);
  levelChangeListeners.forEach((listener) => listener());
}

// The manager listens so that cached level checks are dropped when the table changes.
const levelChangeListeners: Array<() => void> = [];
/** @internal */
export function onLevelTableChange(listener: () => void): void {
  levelChangeListeners.push(listener);
}

/** Every level name currently known, for error messages and completion. */
export function knownLevelNames(): string[] {
  return [...nameToLevel.keys()];
}

/**
 * Turn a level given as a number or a name into its number. Unknown names throw an error that
 * lists the accepted ones (like Python's `ValueError: Unknown level: 'LOUD'`).
 * @example toLevelNumber('warning') // 30 (names are matched case-insensitively)
 */
export function toLevelNumber(level: Level): number {
  if (typeof level === 'number') {
    if (!Number.isInteger(level)) {
      throw new TypeError(`Level must be an integer or a level name, got ${level}`);
    }
    return level;
  }
  if (typeof level === 'string') {
    const found = nameToLevel.get(level) ?? nameToLevel.get(level.toUpperCase());
    if (found !== undefined) return found;
    throw new RangeError(
      `Unknown level: '${level}'. Use a number or one of: ${knownLevelNames().join(', ')}`,
    );
  }
  throw new TypeError(`Level must be an integer or a level name, got ${typeof level}`);
}
