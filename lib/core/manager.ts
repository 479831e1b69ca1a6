import { closeHandler, type Handler } from './handler.js';
import { StreamHandler } from './stream-handler.js';
import { NOTSET, WARNING, onLevelTableChange, toLevelNumber, type Level } from './levels.js';
import { Logger, type LoggerHost } from './logger.js';
import { getScopedRootName, onScopeLevelsChange } from './scope.js';

/** Stands in for a logger that does not exist yet but has descendants (Python's PlaceHolder). */
class PlaceHolder {
  readonly children = new Set<Logger>();
}

/**
 * The registry of loggers by dotted name, with Python's linking rules: asking for `RT.a.b.c`
 * before `RT.a.b` exists links `RT.a.b.c` to `RT`, and creating `RT.a.b` later re-links it.
 */
export class Manager implements LoggerHost {
  readonly root: Logger;
  disableLevel = NOTSET;
  lastResort: Handler | undefined;
  #loggers = new Map<string, Logger | PlaceHolder>();

  constructor() {
    this.root = this.#create('root', WARNING);
    const lastResort = new StreamHandler(process.stderr, WARNING);
    this.lastResort = lastResort;
    this.root.refreshLevelCache(undefined);
  }

  #create(name: string, level: Level = NOTSET): Logger {
    const logger = new Logger(name, this, level);
    logger.getChild = (suffix: string) => this.getLogger(logger === this.root ? suffix : `${name}.${suffix}`);
    return logger;
  }

  /** The logger with this dotted name, created on first use; `''` is the root logger. */
  getLogger(name = ''): Logger {
    if (typeof name !== 'string') throw new TypeError('A logger name must be a string');
    if (name === '') return this.root;
    const existing = this.#loggers.get(name);
    if (existing instanceof Logger) return existing;
    const logger = this.#create(name);
    this.#loggers.set(name, logger);
    if (existing instanceof PlaceHolder) this.#fixupChildren(existing, logger);
    this.#fixupParents(logger);
    logger.refreshLevelCache(this.#scopedRoot());
    return logger;
  }

  #fixupParents(logger: Logger): void {
    const name = logger.name;
    let parent: Logger | undefined;
    for (let i = name.lastIndexOf('.'); i > 0 && parent === undefined; i = name.lastIndexOf('.', i - 1)) {
      const prefix = name.slice(0, i);
      const found = this.#loggers.get(prefix);
      if (found === undefined) {
        const holder = new PlaceHolder();
        holder.children.add(logger);
        this.#loggers.set(prefix, holder);
      } else if (found instanceof PlaceHolder) {
        found.children.add(logger);
      } else {
        parent = found;
      }
    }
    logger.parent = parent ?? this.root;
  }

  #fixupChildren(holder: PlaceHolder, logger: Logger): void {
    const prefix = logger.name + '.';
    for (const child of holder.children) {
      // Keep a child's parent if it is already a closer ancestor than the new logger.
      if (!child.parent!.name.startsWith(prefix)) {
        logger.parent = child.parent;
        child.parent = logger;
      }
    }
  }

  #scopedRoot(): Logger | undefined {
    const name = getScopedRootName();
    const found = name === undefined ? undefined : this.#loggers.get(name);
    return found instanceof Logger ? found : undefined;
  }

  /** Every logger created so far, root first. */
  loggers(): Logger[] {
    const out = [this.root];
    for (const entry of this.#loggers.values()) if (entry instanceof Logger) out.push(entry);
    return out;
  }

  /** Recompute every cached level check; levels change rarely, records arrive constantly. */
  levelsChanged(): void {
    const rt = this.#scopedRoot();
    for (const logger of this.loggers()) logger.refreshLevelCache(rt);
  }

  /** Python's `logging.disable(level)`. */
  disable(level: Level = 50): void {
    this.disableLevel = toLevelNumber(level);
    this.levelsChanged();
  }

  /**
   * Back to a fresh registry state for tests: every logger's level, handlers, filters and
   * switches reset (handlers are closed), `disable()` lifted. Loggers stay the same objects so
   * module-level references in user code keep working.
   */
  async reset(): Promise<void> {
    for (const logger of this.loggers()) {
      for (const handler of logger.handlers) await closeHandler(handler);
      logger.handlers = [];
      logger.filters = [];
      logger.propagate = true;
      logger.disabled = false;
      logger.setLevel(logger === this.root ? WARNING : NOTSET);
    }
    this.disableLevel = NOTSET;
    this.levelsChanged();
  }
}

/** The process-wide registry. */
export const manager = new Manager();
onLevelTableChange(() => manager.levelsChanged());
onScopeLevelsChange(() => manager.levelsChanged());

/**
 * The logger with this dotted name (Python's `logging.getLogger`); the root logger for `''`.
 * @example getLogger('RT.worker-42') === getRtLogger('worker-42') // true
 */
export function getLogger(name?: string): Logger {
  return manager.getLogger(name);
}

/**
 * Turn off every level at or below `level` in all loggers (Python's `logging.disable`);
 * `disable(NOTSET)` turns them back on.
 * @example disable('INFO'); // only WARNING and above from now on
 */
export function disable(level: Level = 50): void {
  manager.disable(level);
}
