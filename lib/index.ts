/**
 * railtracks-observability: the logging and profiling layer of Railtracks, for Node.js.
 * This root entry is what an everyday program touches: Python `logging` semantics (core), files
 * and JSON lines, and the Railtracks layer. Importing it creates the `RT` logger and nothing
 * else: no handlers, no timers, no networking module. The rest sits behind subpaths:
 * `/profiling`, `/interop`, `/reader`, `/python`, `/testing` (see docs/components/architecture.md).
 */
// core: Python's logging/__init__.py
export { NOTSET, DEBUG, INFO, WARNING, ERROR, CRITICAL, getLevelName, addLevelName, toLevelNumber } from './core/levels.js';
export type { Level, LevelName, LevelAlias } from './core/levels.js';
export { Logger } from './core/logger.js';
export type { LogMethod } from './core/logger.js';
export { LoggerAdapter } from './core/logger-adapter.js';
export { getLogger, disable, manager } from './core/manager.js';
export type { Manager } from './core/manager.js';
export { LogRecord, makeLogRecord, extra, Extra } from './core/record.js';
export type { LogArgs } from './core/record.js';
export type { LogScope } from './core/scope.js';
export { withContext, getContext } from './core/context.js';
export { StructuredMessage } from './core/structured-message.js';
export { captureCallSites } from './core/call-site.js';
export { Filter, Filterer } from './core/filter.js';
export type { FilterLike, FilterResult } from './core/filter.js';
export { Handler } from './core/handler.js';
export { StreamHandler } from './core/stream-handler.js';
export type { TextStream } from './core/stream-handler.js';
export { NullHandler } from './core/null-handler.js';
export { Formatter } from './core/formatter.js';
export type { FormatterOptions } from './core/formatter.js';
export type { FormatStyle } from './core/format-styles.js';
export { setRaiseExceptions } from './core/logging-errors.js';
export { addRecordEnricher } from './core/record-enrichers.js';
export type { RecordEnricher } from './core/record-enrichers.js';
export { setClock } from './core/clock.js';
export { escapeForTerminal, CONTINUATION_INDENT } from './core/terminal-text.js';

// handlers and formatters: files, rotation, JSON lines
export { FileHandler } from './handlers/file.js';
export type { FileHandlerOptions } from './handlers/file.js';
export { BaseRotatingHandler } from './handlers/base-rotating.js';
export { RotatingFileHandler } from './handlers/rotating.js';
export type { RotatingFileHandlerOptions } from './handlers/rotating.js';
export { TimedRotatingFileHandler } from './handlers/timed-rotating.js';
export type { TimedRotatingFileHandlerOptions, RolloverWhen } from './handlers/timed-rotating.js';
export { WatchedFileHandler } from './handlers/watched-file.js';
export { JsonFormatter } from './formatters/json.js';
export type { JsonFormatterOptions } from './formatters/json.js';
export { SafeJson } from './formatters/safe-json.js';
export type { SafeJsonOptions } from './formatters/safe-json.js';

// the Railtracks layer
export { getRtLogger, RT_LOGGER_NAME } from './railtracks/rt-logger.js';
export { ExecutorConfig } from './railtracks/config.js';
export type { ExecutorConfigOptions, Subscriber, PayloadCallback, SessionPayload } from './railtracks/config.js';
export { CONTEXT_FIELD_NAMES } from './railtracks/context-fields.js';
export type { ContextFieldName, ContextFields } from './railtracks/context-fields.js';
export { LOGGING_SETTINGS, LOGGING_SETTING_NAMES } from './railtracks/logging-settings.js';
export type { LoggingSetting } from './railtracks/logging-settings.js';
export { setConfig, getConfig, detachLoggingHandlers, enableLogging, flush } from './railtracks/logging-setup.js';
export type { EnableLoggingOptions } from './railtracks/logging-setup.js';
export { withSession, getSessionId } from './railtracks/session.js';
export { RTAction, RequestCreationAction, RequestSuccessAction, RequestFailureAction, argKwargLoggingStr } from './railtracks/actions.js';
export type { ActionKind } from './railtracks/actions.js';
export { ColorfulFormatter } from './railtracks/colorful.js';
export type { ColorfulFormatterOptions } from './railtracks/colorful.js';
export type { ColourLevel } from './railtracks/colour-support.js';
export { shortLoggerName } from './railtracks/logger-name.js';
export type { NameStyle } from './railtracks/logger-name.js';
export { CONSOLE_FORMAT, FILE_FORMAT } from './railtracks/formats.js';
export { attachSubsystemFiles } from './railtracks/subsystem-files.js';
export type { SubsystemFiles, SubsystemFilesOptions } from './railtracks/subsystem-files.js';
export { instrument, timed } from './railtracks/instrument.js';
export type { InstrumentLogger, InstrumentOptions, InstrumentStamps } from './railtracks/instrument.js';
