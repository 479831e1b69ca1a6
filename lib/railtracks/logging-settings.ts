import { CRITICAL, DEBUG, ERROR, INFO, WARNING } from '../core/levels.js';

/**
 * Railtracks' logging settings and what the console shows for each. `NONE` shows nothing at
 * all (console or file). The plain level names are the newer Python spellings.
 */
export const LOGGING_SETTINGS = {
  VERBOSE: DEBUG,
  REGULAR: INFO,
  QUIET: WARNING,
  NONE: null,
  DEBUG,
  INFO,
  WARNING,
  ERROR,
  CRITICAL,
} as const satisfies Record<string, number | null>;

/** A logging setting, as `ExecutorConfig.loggingSetting` and `enableLogging` take it. */
export type LoggingSetting = keyof typeof LOGGING_SETTINGS;

/** Every accepted setting, for error messages. */
export const LOGGING_SETTING_NAMES = Object.keys(LOGGING_SETTINGS) as LoggingSetting[];

/**
 * Check a setting given at the edge (config, env var) and return it typed; the error lists the
 * accepted values.
 * @example parseLoggingSetting('verbose') // 'VERBOSE'
 */
export function parseLoggingSetting(value: unknown, source = 'loggingSetting'): LoggingSetting {
  if (typeof value === 'string') {
    const upper = value.trim().toUpperCase();
    if (Object.hasOwn(LOGGING_SETTINGS, upper)) return upper as LoggingSetting;
  }
  throw new RangeError(
    `Invalid ${source} ${JSON.stringify(value)}. Use one of: ${LOGGING_SETTING_NAMES.join(', ')}`,
  );
}

/** Bad environment values already reported, so a reconfiguring app warns once per value. */
const reportedEnvValues = new Set<string>();

/**
 * A setting read from an environment variable. An environment variable is not code: a bad value
 * must not crash the app at start-up, so it is reported once on stderr (variable, value, what is
 * accepted) and `fallback` is used instead.
 * @example loggingSettingFromEnv('RT_LOG_LEVEL', 'INFO') // 'VERBOSE' when RT_LOG_LEVEL=verbose
 */
export function loggingSettingFromEnv(variable: string, fallback: LoggingSetting): LoggingSetting {
  const value = process.env[variable];
  if (value === undefined || value === '') return fallback;
  try {
    return parseLoggingSetting(value, variable);
  } catch {
    const key = `${variable}=${value}`;
    if (!reportedEnvValues.has(key)) {
      reportedEnvValues.add(key);
      process.stderr.write(
        `railtracks-observability: ignoring ${variable}=${JSON.stringify(value)} (use one of: ` +
          `${LOGGING_SETTING_NAMES.join(', ')}); using ${fallback}\n`,
      );
    }
    return fallback;
  }
}

/** The console level of a setting, or null for NONE. */
export function consoleLevelOf(setting: LoggingSetting): number | null {
  return LOGGING_SETTINGS[setting];
}
