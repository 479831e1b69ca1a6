import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ExecutorConfig } from './config.js';
import type { FilterLike } from '../core/filter.js';
import { Formatter } from '../core/formatter.js';
import { FILE_FORMAT } from './formats.js';
import { ColorfulFormatter } from './colorful.js';
import { closeHandler, type Handler } from '../core/handler.js';
import { getRtLogger } from './rt-logger.js';
import { FileHandler } from '../handlers/file.js';
import { StreamHandler } from '../core/stream-handler.js';
import { consoleLevelOf } from './logging-settings.js';

/** The handlers a configuration installs and the lowest level any of them shows. */
export interface ConfigOutputs {
  handlers: Handler[];
  /** Infinity when the configuration shows nothing (NONE). */
  threshold: number;
}

/**
 * Build the console (and file) handlers a configuration asks for. Under `NONE` nothing is
 * built, so neither console nor file ever receives a record. The file has its own plain
 * formatter: it never depends on the console's.
 */
export function buildConfigOutputs(config: ExecutorConfig, scope: FilterLike): ConfigOutputs {
  if (config.logFile !== null) rejectDirectory(config.logFile);
  const consoleLevel = consoleLevelOf(config.loggingSetting);
  if (consoleLevel === null) return { handlers: [], threshold: Infinity };
  const stream = process.stderr;
  const consoleHandler = new StreamHandler(stream, consoleLevel);
  consoleHandler.name = 'railtracks-console';
  consoleHandler.setFormatter(new ColorfulFormatter({ nameStyle: config.nameStyle, stream }));
  consoleHandler.addFilter(scope);
  const handlers: Handler[] = [consoleHandler];
  let threshold = consoleLevel;
  if (config.logFile !== null) {
    const file = new FileHandler(config.logFile, { level: config.logFileLevel });
    file.name = 'railtracks-file';
    file.setFormatter(new Formatter(FILE_FORMAT));
    file.addFilter(scope);
    handlers.push(file);
    threshold = Math.min(threshold, config.logFileLevel);
  }
  return { handlers, threshold };
}

/**
 * A log file path that names an existing directory would only fail at the first flush, far from
 * the mistake; say so when the configuration is applied.
 */
function rejectDirectory(logFile: string): void {
  const path = resolve(logFile);
  if (statSync(path, { throwIfNoEntry: false })?.isDirectory() === true) {
    throw new TypeError(`ExecutorConfig: logFile ${path} is a directory; give the path of a file inside it, e.g. ${join(path, 'run.log')}`);
  }
}

/**
 * Put a configuration's handlers on `RT` and return what takes them off again (removed, then
 * closed through the one close path). `setConfig` and `withSession` both install this way.
 * @example const uninstall = installOutputs(handlers); … uninstall();
 */
export function installOutputs(handlers: readonly Handler[]): () => void {
  const rt = getRtLogger();
  for (const handler of handlers) rt.addHandler(handler);
  return () => {
    for (const handler of handlers) {
      rt.removeHandler(handler);
      void closeHandler(handler);
    }
  };
}
