import { join } from 'node:path';
import { Formatter } from '../core/formatter.js';
import { FILE_FORMAT } from './formats.js';
import type { Level } from '../core/levels.js';
import type { Logger } from '../core/logger.js';
import { getRtLogger } from './rt-logger.js';
import { RotatingFileHandler } from '../handlers/rotating.js';

export interface SubsystemFilesOptions {
  /** The log directory; created on the first record. */
  dir: string;
  /** Logger names under `RT` (as `getRtLogger` takes them): `'worker'`, `'plugins.search'`. */
  loggers: readonly string[];
  /** Per file; default 10 MiB. */
  maxBytes?: number;
  /** Per file; default 5. */
  backupCount?: number;
  /** Lowest level written to the subsystem files. */
  level?: Level;
  /** A formatter per file; default the Railtracks file layout. Use `() => new JsonFormatter()` for JSON lines. */
  formatter?: () => Formatter;
  /** Keep sending these records to the parent loggers' handlers too (default true). */
  propagate?: boolean;
}

/** The handlers `attachSubsystemFiles` installed, to inspect or remove them. */
export interface SubsystemFiles {
  /** Full logger name (`RT.worker`) → its file handler. */
  readonly handlers: ReadonlyMap<string, RotatingFileHandler>;
  /** Detach and close every file (restoring `propagate`). */
  close(): void;
}

/**
 * Give chosen loggers their own rotated files in a log directory, `<dir>/<logger>.log`
 * (`logs/RT.worker.log`), as plugin and worker systems expect. Each file receives the
 * records of its logger and of that logger's children.
 * @example
 * const files = attachSubsystemFiles({ dir: 'logs', loggers: ['worker', 'plugins.search'], maxBytes: 5e6, backupCount: 3 });
 * getRtLogger('worker').info('lands in logs/RT.worker.log');
 * files.close();
 */
export function attachSubsystemFiles(options: SubsystemFilesOptions): SubsystemFiles {
  if (typeof options.dir !== 'string' || options.dir === '') throw new TypeError('attachSubsystemFiles needs dir: the directory for the per-logger files');
  if (!Array.isArray(options.loggers) || options.loggers.length === 0) {
    throw new TypeError("attachSubsystemFiles needs loggers: a non-empty list of names such as ['worker']");
  }
  const handlers = new Map<string, RotatingFileHandler>();
  const attached: { logger: Logger; handler: RotatingFileHandler; propagate: boolean }[] = [];
  for (const name of options.loggers) {
    const logger = getRtLogger(name);
    if (handlers.has(logger.name)) continue;
    const handler = new RotatingFileHandler(join(options.dir, `${logger.name}.log`), {
      maxBytes: options.maxBytes ?? 10 * 1024 * 1024,
      backupCount: options.backupCount ?? 5,
      ...(options.level !== undefined ? { level: options.level } : {}),
    });
    handler.name = `subsystem-file:${logger.name}`;
    handler.setFormatter(options.formatter?.() ?? new Formatter(FILE_FORMAT));
    attached.push({ logger, handler, propagate: logger.propagate });
    logger.addHandler(handler);
    if (options.propagate === false) logger.propagate = false;
    handlers.set(logger.name, handler);
  }
  return {
    handlers,
    close() {
      for (const { logger, handler, propagate } of attached.splice(0)) {
        logger.removeHandler(handler);
        logger.propagate = propagate;
        handler.close();
      }
    },
  };
}
