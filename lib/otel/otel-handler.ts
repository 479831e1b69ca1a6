import { logs, type Logger as OTelLogger, type LoggerProvider } from '@opentelemetry/api-logs';
import { Handler } from '../core/handler.js';
import type { Level } from '../core/levels.js';
import type { LogRecord } from '../core/record.js';
import { recordAttributes } from './record-attributes.js';
import { otelSeverity } from './severity.js';

export interface OTelHandlerOptions {
  /** Where records go (default: the global provider, `logs.getLoggerProvider()`, looked up per record until one is set). */
  loggerProvider?: LoggerProvider;
  level?: Level;
}

/** A provider the SDK's LoggerProvider is: it can flush and shut down. */
interface Flushable { forceFlush?: () => Promise<void>; shutdown?: () => Promise<void> }

/**
 * Emits each record through an OpenTelemetry `LoggerProvider`: instrumentation scope = the
 * logger's name, timestamp = the record's time, severity number and text from its level
 * (custom levels included), body = the formatted message (the bare message unless a formatter
 * is set), attributes from its structured fields, call site (`code.*`) and exception
 * (`exception.*`). Trace context comes from the span active at the log call: handlers run
 * synchronously inside it. `flush()` (and the library's `flush()`) force-flushes the provider;
 * `close()` shuts down a provider that was passed in. Never throws into the caller.
 * @example
 * const provider = new LoggerProvider({ processors: [new BatchLogRecordProcessor(new OTLPLogExporter())] });
 * getRtLogger().addHandler(new OTelHandler({ loggerProvider: provider }));
 */
export class OTelHandler extends Handler {
  #provider: LoggerProvider | undefined;
  #loggers = new Map<string, OTelLogger>();
  #loggersOf: LoggerProvider | undefined;

  constructor(options: OTelHandlerOptions = {}) {
    super(options.level);
    this.#provider = options.loggerProvider;
  }

  /** The provider records go to now. */
  get loggerProvider(): LoggerProvider {
    return this.#provider ?? logs.getLoggerProvider();
  }

  #loggerFor(name: string): OTelLogger {
    const provider = this.loggerProvider;
    if (provider !== this.#loggersOf) {
      // The global provider was replaced (or set for the first time): loggers of the old one are stale.
      this.#loggers.clear();
      this.#loggersOf = provider;
    }
    let logger = this.#loggers.get(name);
    if (logger === undefined) {
      logger = provider.getLogger(name || 'root');
      this.#loggers.set(name, logger);
    }
    return logger;
  }

  emit(record: LogRecord): void {
    const body = this.formatter === undefined ? record.getMessage() : this.format(record);
    this.#loggerFor(record.name).emit({
      timestamp: record.created * 1000,
      observedTimestamp: Date.now(),
      severityNumber: otelSeverity(record.levelno),
      severityText: record.levelname,
      body,
      attributes: recordAttributes(record),
    });
  }

  /** Resolves when the provider has exported what it holds. */
  override async flush(): Promise<void> {
    try {
      await (this.loggerProvider as Flushable).forceFlush?.();
    } catch (err) {
      this.handleError({ msg: 'OTelHandler.flush', args: null } as unknown as LogRecord, err);
    }
  }

  /** Flushes; shuts down the provider only when it was given to this handler (a global one belongs to the app). */
  override async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const provider = this.#provider as Flushable | undefined;
    try {
      if (provider?.shutdown !== undefined) await provider.shutdown();
      else await this.flush();
    } catch (err) {
      this.handleError({ msg: 'OTelHandler.close', args: null } as unknown as LogRecord, err);
    }
  }
}
