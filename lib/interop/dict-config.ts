/**
 * Python's `logging.config.dictConfig` (schema version 1) for our logger tree, so one config
 * file configures a Python process and ours alike. Errors are worded as Python words them
 * (`Unable to configure handler 'h'`), with the cause appended and kept as `cause`.
 */
import { readFileSync } from 'node:fs';
import { Filter, type FilterLike } from '../core/filter.js';
import type { Formatter } from '../core/formatter.js';
import type { Handler } from '../core/handler.js';
import { knownLevelNames, toLevelNumber } from '../core/levels.js';
import type { Logger } from '../core/logger.js';
import { getLogger, manager } from '../core/manager.js';
import { resolveFormatterClass, resolveHandlerClass } from './handler-classes.js';

type Dict = Record<string, unknown>;

/** Handlers the last `configure` created, closed by the next one (the user's own are left alone). */
let configured = new Map<string, Handler>();

const isDict = (v: unknown): v is Dict => v !== null && typeof v === 'object' && !Array.isArray(v);

function wrap<T>(what: string, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    const cause = err instanceof Error ? err.message : String(err);
    throw new Error(`${what}: ${cause}`, { cause: err });
  }
}

/** Python's `_checkLevel`: level names are case-sensitive. */
function checkLevel(level: unknown): number {
  if (typeof level === 'number' && Number.isInteger(level)) return level;
  if (typeof level === 'string' && knownLevelNames().includes(level)) return toLevelNumber(level);
  throw new Error(`Unknown level: ${JSON.stringify(level)}`.replace(/^Unknown level: "(.*)"$/, "Unknown level: '$1'"));
}

/** `ext://sys.stderr`, `ext://sys.stdout` and `ext://socket.SOCK_STREAM/SOCK_DGRAM`; any other `ext://` or `cfg://` is refused. */
function convert(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  if (value === 'ext://sys.stderr') return process.stderr;
  if (value === 'ext://sys.stdout') return process.stdout;
  // SysLogHandler's socktype, as Python configs name it.
  if (value === 'ext://socket.SOCK_STREAM') return 1;
  if (value === 'ext://socket.SOCK_DGRAM') return 2;
  if (value.startsWith('ext://') || value.startsWith('cfg://')) {
    throw new Error(`Cannot resolve '${value}': only ext://sys.stderr, ext://sys.stdout and ext://socket.SOCK_STREAM/SOCK_DGRAM are supported`);
  }
  return value;
}

function makeFormatter(cfg: unknown): Formatter {
  if (!isDict(cfg)) throw new Error('a formatter config must be a dict');
  if ('()' in cfg) throw new Error("custom factories ('()') are not supported; register a class and use 'class'");
  const style = (cfg.style ?? '%') as '%' | '{' | '$';
  const factory = resolveFormatterClass(String(cfg.class ?? 'logging.Formatter'));
  return factory(cfg.format as string | undefined ?? undefined, cfg.datefmt as string | undefined ?? undefined, style,
    cfg.validate === undefined ? true : Boolean(cfg.validate), isDict(cfg.defaults) ? cfg.defaults : undefined);
}

function makeFilter(cfg: unknown): FilterLike {
  if (!isDict(cfg)) throw new Error('a filter config must be a dict');
  if ('()' in cfg) throw new Error("custom factories ('()') are not supported; add such filters in code");
  return new Filter(String(cfg.name ?? ''));
}

function addFilters(target: Logger | Handler, names: unknown, filters: Map<string, FilterLike>): void {
  for (const name of (names ?? []) as string[]) {
    const filter = filters.get(name);
    if (filter === undefined) throw new Error(`Unable to add filter '${name}'`);
    target.addFilter(filter);
  }
}

function makeHandler(cfg: unknown, formatters: Map<string, Formatter>, filters: Map<string, FilterLike>): Handler {
  if (!isDict(cfg)) throw new Error('a handler config must be a dict');
  const { class: cls, level, formatter, filters: filterNames, '.': props, '()': factory, ...kwargs } = cfg;
  if (factory !== undefined) throw new Error("custom factories ('()') are not supported; register a class and use 'class'");
  let fmt: Formatter | undefined;
  if (formatter !== undefined) {
    fmt = formatters.get(String(formatter));
    if (fmt === undefined) throw new Error(`Unable to set formatter '${String(formatter)}'`);
  }
  if (typeof cls !== 'string') throw new Error("a handler config needs a 'class'");
  const converted: Dict = {};
  for (const [k, v] of Object.entries(kwargs)) converted[k] = convert(v);
  const handler = resolveHandlerClass(cls)(converted);
  if (fmt !== undefined) handler.setFormatter(fmt);
  if (level !== undefined) handler.setLevel(checkLevel(level));
  addFilters(handler, filterNames, filters);
  if (isDict(props)) Object.assign(handler, props);
  return handler;
}

function configureLogger(logger: Logger, cfg: Dict, handlers: Map<string, Handler>, filters: Map<string, FilterLike>, isRoot: boolean): void {
  if (cfg.level !== undefined && cfg.level !== null) logger.setLevel(checkLevel(cfg.level));
  for (const h of [...logger.handlers]) logger.removeHandler(h);
  for (const name of (cfg.handlers ?? []) as string[]) {
    const handler = handlers.get(name);
    if (handler === undefined) throw new Error(`Unable to add handler '${name}'`);
    logger.addHandler(handler);
  }
  addFilters(logger, cfg.filters, filters);
  if (!isRoot) {
    logger.disabled = false;
    if (cfg.propagate !== undefined && cfg.propagate !== null) logger.propagate = Boolean(cfg.propagate);
  }
}

function incremental(config: Dict): void {
  for (const [name, cfg] of Object.entries((config.handlers ?? {}) as Dict)) {
    wrap(`Unable to configure handler '${name}'`, () => {
      const handler = configured.get(name);
      if (handler === undefined) throw new Error(`No handler found with name '${name}'`);
      if (isDict(cfg) && cfg.level !== undefined) handler.setLevel(checkLevel(cfg.level));
    });
  }
  for (const [name, cfg] of Object.entries((config.loggers ?? {}) as Dict)) {
    wrap(`Unable to configure logger '${name}'`, () => {
      const logger = getLogger(name);
      if (isDict(cfg) && cfg.level != null) logger.setLevel(checkLevel(cfg.level));
      if (isDict(cfg) && cfg.propagate != null) logger.propagate = Boolean(cfg.propagate);
    });
  }
  if (isDict(config.root) && config.root.level != null) {
    const level = config.root.level;
    wrap('Unable to configure root logger', () => manager.root.setLevel(checkLevel(level)));
  }
}

/**
 * Apply a `logging.config.dictConfig` dict: formatters, filters, handlers, loggers, root,
 * `incremental` and `disable_existing_loggers`, with Python's semantics. Handlers created by a
 * previous `configure` are closed; handlers the program attached itself are not.
 * @example
 * configure({ version: 1, handlers: { console: { class: 'logging.StreamHandler', stream: 'ext://sys.stdout' } },
 *             root: { level: 'INFO', handlers: ['console'] } });
 */
export function configure(config: Dict): void {
  if (!isDict(config)) throw new Error('dictConfig needs a dict');
  if (!('version' in config)) throw new Error("dictionary doesn't specify a version");
  if (config.version !== 1) throw new Error(`Unsupported version: ${String(config.version)}`);
  if (config.incremental === true) return incremental(config);
  const disableExisting = config.disable_existing_loggers === undefined ? true : Boolean(config.disable_existing_loggers);
  const previous = configured;
  configured = new Map();
  for (const handler of previous.values()) void handler.close();
  const formatters = new Map<string, Formatter>();
  for (const [name, cfg] of Object.entries((config.formatters ?? {}) as Dict)) {
    formatters.set(name, wrap(`Unable to configure formatter '${name}'`, () => makeFormatter(cfg)));
  }
  const filters = new Map<string, FilterLike>();
  for (const [name, cfg] of Object.entries((config.filters ?? {}) as Dict)) {
    filters.set(name, wrap(`Unable to configure filter '${name}'`, () => makeFilter(cfg)));
  }
  const handlerConfigs = (config.handlers ?? {}) as Dict;
  for (const name of Object.keys(handlerConfigs).sort()) {
    const handler = wrap(`Unable to configure handler '${name}'`, () => makeHandler(handlerConfigs[name], formatters, filters));
    handler.name = name;
    configured.set(name, handler);
  }
  // Python: existing loggers not named in the config are disabled, except children of named ones.
  const existing = manager.loggers().slice(1).map((l) => l.name).sort();
  const children = new Set<string>();
  const loggerConfigs = (config.loggers ?? {}) as Dict;
  for (const name of Object.keys(loggerConfigs)) {
    for (const other of existing) if (other.startsWith(name + '.')) children.add(other);
    const at = existing.indexOf(name);
    if (at >= 0) existing.splice(at, 1);
    wrap(`Unable to configure logger '${name}'`, () => {
      const cfg = loggerConfigs[name];
      if (!isDict(cfg)) throw new Error('a logger config must be a dict');
      configureLogger(getLogger(name), cfg, configured, filters, false);
    });
  }
  for (const name of existing) {
    const logger = getLogger(name);
    if (children.has(name)) {
      logger.setLevel('NOTSET');
      for (const h of [...logger.handlers]) logger.removeHandler(h);
      logger.propagate = true;
    } else if (disableExisting) logger.disabled = true;
  }
  if (config.root !== undefined) {
    wrap('Unable to configure root logger', () => {
      if (!isDict(config.root)) throw new Error('the root config must be a dict');
      configureLogger(manager.root, config.root, configured, filters, true);
    });
  }
  manager.levelsChanged();
}

/**
 * Read a JSON dictConfig file and apply it. YAML is not read (no parser dependency): convert
 * it to JSON, which Python loads just as well with `json.load` + `dictConfig`.
 * @example configureFromFile('logging.json');
 */
export function configureFromFile(path: string): void {
  if (/\.ya?ml$/i.test(path)) throw new Error(`${path}: YAML config files are not supported; convert the file to JSON`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new Error(`${path}: not a readable JSON dictConfig: ${(err as Error).message}`, { cause: err });
  }
  configure(parsed as Dict);
}
