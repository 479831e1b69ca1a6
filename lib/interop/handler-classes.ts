/**
 * The `class` names a dictConfig may use for handlers and formatters, mapped to our classes.
 * Python's dotted names (`logging.StreamHandler`, `logging.handlers.RotatingFileHandler`, ...)
 * and our own class names both resolve. Each factory takes the config's constructor keywords
 * and rejects ones it does not know, as Python's `__init__` would.
 */
import { Formatter } from '../core/formatter.js';
import type { Handler } from '../core/handler.js';
import { FileHandler } from '../handlers/file.js';
import { NullHandler } from '../core/null-handler.js';
import { RotatingFileHandler } from '../handlers/rotating.js';
import { StreamHandler, type TextStream } from '../core/stream-handler.js';
import { TimedRotatingFileHandler, type RolloverWhen } from '../handlers/timed-rotating.js';
import { DatagramHandler } from './datagram-handler.js';
import { SocketHandler } from './socket-handler.js';
import { SysLogHandler, type SysLogHandlerOptions } from './syslog-handler.js';

/** Builds a handler from the constructor keywords of a handler config. */
export type HandlerFactory = (kwargs: Record<string, unknown>) => Handler;

const handlerClasses = new Map<string, HandlerFactory>();

/**
 * Make a handler class available to dictConfig under one or more names.
 * @example registerHandlerClass(['myapp.KafkaHandler', 'KafkaHandler'], (kw) => new KafkaHandler(String(kw.topic)));
 */
export function registerHandlerClass(names: string | readonly string[], factory: HandlerFactory): void {
  for (const name of typeof names === 'string' ? [names] : names) handlerClasses.set(name, factory);
}

/**
 * The factory for a class name, or an error worded like Python's `Cannot resolve`.
 * @example resolveHandlerClass('logging.StreamHandler')({ stream: process.stdout })
 */
export function resolveHandlerClass(name: string): HandlerFactory {
  const factory = handlerClasses.get(name);
  if (factory === undefined) {
    throw new Error(`Cannot resolve '${name}': no such handler class; known: ${[...handlerClasses.keys()].filter((k) => k.includes('.')).join(', ')} `
      + '(register others with registerHandlerClass)');
  }
  return factory;
}

/** Python's TypeError for a keyword the constructor does not take. */
function only(kwargs: Record<string, unknown>, cls: string, allowed: readonly string[]): void {
  for (const key of Object.keys(kwargs)) {
    if (!allowed.includes(key)) throw new TypeError(`${cls}.__init__() got an unexpected keyword argument '${key}'`);
  }
}

function str(kwargs: Record<string, unknown>, key: string, cls: string): string {
  const v = kwargs[key];
  if (typeof v !== 'string') throw new TypeError(`${cls}.__init__() needs '${key}' as a string`);
  return v;
}

function int(kwargs: Record<string, unknown>, key: string, fallback: number): number {
  const v = kwargs[key] ?? fallback;
  if (typeof v !== 'number' || !Number.isInteger(v)) throw new TypeError(`'${key}' must be an integer, got ${JSON.stringify(v)}`);
  return v;
}

function fileMode(kwargs: Record<string, unknown>): 'a' | 'w' {
  const mode = kwargs.mode ?? 'a';
  if (mode !== 'a' && mode !== 'w') throw new Error(`mode ${JSON.stringify(mode)} is not supported; use 'a' or 'w'`);
  return mode;
}

function checkEncoding(kwargs: Record<string, unknown>): void {
  const enc = kwargs.encoding;
  if (enc != null && !/^utf-?8$/i.test(String(enc))) throw new Error(`encoding ${JSON.stringify(enc)} is not supported; files are written as UTF-8`);
}

const FILE_KEYS = ['filename', 'mode', 'encoding', 'delay', 'errors'] as const;

registerHandlerClass(['logging.StreamHandler', 'StreamHandler'], (kw) => {
  only(kw, 'StreamHandler', ['stream']);
  return new StreamHandler((kw.stream as TextStream | undefined) ?? process.stderr);
});
registerHandlerClass(['logging.FileHandler', 'FileHandler'], (kw) => {
  only(kw, 'FileHandler', FILE_KEYS);
  checkEncoding(kw);
  return new FileHandler(str(kw, 'filename', 'FileHandler'), { mode: fileMode(kw) });
});
registerHandlerClass(['logging.NullHandler', 'NullHandler'], (kw) => {
  only(kw, 'NullHandler', []);
  return new NullHandler();
});
registerHandlerClass(['logging.handlers.RotatingFileHandler', 'RotatingFileHandler'], (kw) => {
  only(kw, 'RotatingFileHandler', [...FILE_KEYS, 'maxBytes', 'backupCount']);
  checkEncoding(kw);
  if (kw.mode !== undefined && kw.mode !== 'a') throw new Error("RotatingFileHandler only appends (mode 'a'), as Python forces when maxBytes > 0");
  return new RotatingFileHandler(str(kw, 'filename', 'RotatingFileHandler'), { maxBytes: int(kw, 'maxBytes', 0), backupCount: int(kw, 'backupCount', 0) });
});
registerHandlerClass(['logging.handlers.TimedRotatingFileHandler', 'TimedRotatingFileHandler'], (kw) => {
  only(kw, 'TimedRotatingFileHandler', ['filename', 'when', 'interval', 'backupCount', 'encoding', 'delay', 'utc', 'atTime', 'errors']);
  checkEncoding(kw);
  // Python upper-cases `when`; MIDNIGHT is spelled in lower case in our type.
  const whenText = String(kw.when ?? 'h').toUpperCase();
  const when = (whenText === 'MIDNIGHT' ? 'midnight' : whenText) as RolloverWhen;
  let atTime: { hour: number; minute: number; second: number } | undefined;
  if (typeof kw.atTime === 'string') {
    const m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(kw.atTime);
    if (m === null) throw new Error(`atTime ${JSON.stringify(kw.atTime)} must be 'HH:MM' or 'HH:MM:SS'`);
    atTime = { hour: Number(m[1]), minute: Number(m[2]), second: Number(m[3] ?? 0) };
  }
  return new TimedRotatingFileHandler(str(kw, 'filename', 'TimedRotatingFileHandler'), {
    when, interval: int(kw, 'interval', 1), backupCount: int(kw, 'backupCount', 0), utc: kw.utc === true, atTime,
  });
});
registerHandlerClass(['logging.handlers.SocketHandler', 'SocketHandler'], (kw) => {
  only(kw, 'SocketHandler', ['host', 'port']);
  return new SocketHandler(str(kw, 'host', 'SocketHandler'), int(kw, 'port', 9020));
});
registerHandlerClass(['logging.handlers.DatagramHandler', 'DatagramHandler'], (kw) => {
  only(kw, 'DatagramHandler', ['host', 'port']);
  return new DatagramHandler(str(kw, 'host', 'DatagramHandler'), int(kw, 'port', 9021));
});
registerHandlerClass(['logging.handlers.SysLogHandler', 'SysLogHandler'], (kw) => {
  only(kw, 'SysLogHandler', ['address', 'facility', 'socktype', 'format', 'framing', 'maxBuffered']);
  const address = kw.address;
  if (address !== undefined && typeof address !== 'string'
    && !(Array.isArray(address) && address.length === 2 && typeof address[0] === 'string' && typeof address[1] === 'number')) {
    throw new TypeError(`SysLogHandler address must be [host, port] or a Unix socket path, got ${JSON.stringify(address)}`);
  }
  // Python's socket.SOCK_STREAM / SOCK_DGRAM arrive as their numbers (1, 2); 'tcp'/'udp' also work.
  return new SysLogHandler(kw as SysLogHandlerOptions);
});

/** Formatter classes by name; `logging.Formatter` and ours. */
export type FormatterFactory = (fmt: string | undefined, datefmt: string | undefined, style: '%' | '{' | '$', validate: boolean, defaults: Record<string, unknown> | undefined) => Formatter;

const formatterClasses = new Map<string, FormatterFactory>([
  ['logging.Formatter', (f, d, s, v, defaults) => new Formatter(f, d, s, v, { defaults })],
  ['Formatter', (f, d, s, v, defaults) => new Formatter(f, d, s, v, { defaults })],
]);

/**
 * Make a Formatter subclass available to dictConfig's `class` key.
 * @example registerFormatterClass('myapp.UtcFormatter', (f, d, s, v, defaults) => new Formatter(f, d, s, v, { defaults, utc: true }));
 */
export function registerFormatterClass(name: string, factory: FormatterFactory): void {
  formatterClasses.set(name, factory);
}

/** @example resolveFormatterClass('logging.Formatter') */
export function resolveFormatterClass(name: string): FormatterFactory {
  const factory = formatterClasses.get(name);
  if (factory === undefined) throw new Error(`Cannot resolve '${name}': no such formatter class (register it with registerFormatterClass)`);
  return factory;
}
