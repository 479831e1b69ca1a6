import { ExecutorConfig, type ExecutorConfigOptions } from './config.js';
import { buildConfigOutputs, installOutputs } from './config-outputs.js';
import type { NameStyle } from './logger-name.js';
import type { Handler } from '../core/handler.js';
import { NullHandler } from '../core/null-handler.js';
import { INFO } from '../core/levels.js';
import { consoleLevelOf, loggingSettingFromEnv, parseLoggingSetting, type LoggingSetting } from './logging-settings.js';
import { manager } from '../core/manager.js';
import type { LogRecord } from '../core/record.js';
import { getRtLogger } from './rt-logger.js';
import { isInSession } from './session.js';

let current: ExecutorConfig | undefined;
/** Handlers this module installed on the RT logger; the only ones it ever removes. */
let installed: readonly Handler[] = [];
let uninstall: (() => void) | undefined;

// Global outputs leave records made inside a session to that session's own outputs.
const outsideSessions = (record: LogRecord): boolean => !isInSession(record);

/**
 * Apply a configuration to the RT logger tree. Idempotent: calling it again replaces only the
 * handlers it installed before (closing their files) and never touches handlers you attached.
 * @example setConfig(new ExecutorConfig({ loggingSetting: 'VERBOSE', logFile: 'my_run.log' }));
 */
export function setConfig(config: ExecutorConfig | ExecutorConfigOptions): void {
  const cfg = config instanceof ExecutorConfig ? config : new ExecutorConfig(config);
  // Built before the old outputs go, so a rejected config (a logFile that is a directory)
  // leaves the running one in place.
  const { handlers, threshold } = buildConfigOutputs(cfg, outsideSessions);
  detachLoggingHandlers();
  const rt = getRtLogger();
  // NONE still gets a NullHandler so that RT records never reach the last-resort handler.
  installed = handlers.length > 0 ? handlers : [new NullHandler()];
  uninstall = installOutputs(installed);
  // Under NONE the level stays where REGULAR would put it, so your own handlers keep working.
  rt.setLevel(Number.isFinite(threshold) ? threshold : INFO);
  current = cfg;
}

/** The configuration in force (the defaults until `setConfig` is called). */
export function getConfig(): ExecutorConfig {
  current ??= new ExecutorConfig();
  return current;
}

/**
 * Remove and close the handlers `setConfig`/`enableLogging` installed. Your own handlers stay.
 * @example detachLoggingHandlers(); // console and log file from the config are gone
 */
export function detachLoggingHandlers(): void {
  uninstall?.();
  uninstall = undefined;
  installed = [];
}

export interface EnableLoggingOptions {
  /** Default: `RT_LOG_LEVEL`, else `INFO`. */
  level?: LoggingSetting;
  /** Default: `RT_LOG_FILE`, else none. */
  logFile?: string | null;
  nameStyle?: NameStyle;
}

/**
 * Turn Railtracks logging on, with upstream's `enable_logging` rules and the environment as
 * fallback: `RT_LOG_LEVEL` (any setting, including `NONE`) and `RT_LOG_FILE`; explicit options win.
 * - The level is set on the `RT` logger itself, so nothing below it reaches any handler on the
 *   tree: not the console, not the log file (whose own level stays INFO, as upstream's), not
 *   a handler you attached.
 * - When `RT` already has a handler of yours (anything but a NullHandler or what this module
 *   installed), only the level is set and no console or file is added: the application owns
 *   its output (upstream's "don't fight an app that configured logging").
 * - Otherwise a console (and the file) is installed; a second call reconfigures, replacing what
 *   the first installed (upstream keeps the first call's outputs and only changes the level).
 * @example enableLogging(); // RT_LOG_LEVEL=VERBOSE node app.js shows DEBUG lines
 */
export function enableLogging(options: EnableLoggingOptions = {}): void {
  // A bad value in code throws; a bad RT_LOG_LEVEL is reported once and INFO used instead.
  const level =
    options.level !== undefined ? parseLoggingSetting(options.level, 'level') : loggingSettingFromEnv('RT_LOG_LEVEL', 'INFO');
  const envFile = process.env.RT_LOG_FILE;
  const logFile = options.logFile !== undefined ? options.logFile : envFile !== undefined && envFile !== '' ? envFile : null;
  const overrides: ExecutorConfigOptions = { loggingSetting: level, logFile };
  if (options.nameStyle !== undefined) overrides.nameStyle = options.nameStyle;
  const config = getConfig().with(overrides);
  const rt = getRtLogger();
  const consoleLevel = consoleLevelOf(level);
  if (hasApplicationHandler()) {
    // NONE still silences what this module installed before; the application's handlers stay.
    if (consoleLevel === null) detachLoggingHandlers();
    current = config;
  } else {
    setConfig(config);
  }
  // Under NONE the level stays at INFO so that your own handlers keep working.
  rt.setLevel(consoleLevel ?? INFO);
}

/** Whether `RT` has a handler the application attached (not a NullHandler, not ours). */
function hasApplicationHandler(): boolean {
  return getRtLogger().handlers.some((handler) => !(handler instanceof NullHandler) && !installed.includes(handler));
}

/**
 * Resolves when every handler in the tree has written everything it buffered.
 * @example await flush(); process.exit(0);
 */
export async function flush(): Promise<void> {
  const pending: Array<void | Promise<void>> = [];
  for (const logger of manager.loggers()) {
    for (const handler of logger.handlers) {
      try {
        pending.push(handler.flush());
      } catch (err) {
        handler.reportFailure('flushing', err);
      }
    }
  }
  await Promise.all(pending);
}

/** @internal for tests: forget the current config (handlers are detached). */
export function resetConfig(): void {
  detachLoggingHandlers();
  current = undefined;
}
