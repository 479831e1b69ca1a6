/**
 * railtracks-observability: the logging and profiling layer of Railtracks, for Node.js.
 * Importing this module creates the `RT` logger and nothing else: no handlers, no timers.
 */
export { NOTSET, DEBUG, INFO, WARNING, ERROR, CRITICAL, getLevelName, addLevelName, toLevelNumber } from './core/levels.js';
export type { Level, LevelName, LevelAlias } from './core/levels.js';
export { Logger } from './core/logger.js';
export type { LogMethod } from './core/logger.js';
export { LoggerAdapter } from './core/logger-adapter.js';
export { getLogger, disable, manager, RT_LOGGER_NAME } from './core/manager.js';
export { getRtLogger } from './railtracks/rt-logger.js';
export { LogRecord, makeLogRecord, extra, Extra } from './core/record.js';
export { captureCallSites } from './core/call-site.js';
export type { LogArgs, RecordSession } from './core/record.js';
export { Filter, Filterer } from './core/filter.js';
export type { FilterLike, FilterResult } from './core/filter.js';
export { Handler } from './core/handler.js';
export { StreamHandler } from './core/stream-handler.js';
export type { TextStream } from './core/stream-handler.js';
export { FileHandler } from './handlers/file.js';
export type { FileHandlerOptions } from './handlers/file.js';
export { NullHandler } from './core/null-handler.js';
export { Formatter } from './core/formatter.js';
export type { FormatterOptions } from './core/formatter.js';
export type { FormatStyle } from './core/format-styles.js';
export { ColorfulFormatter, escapeControlCharacters } from './railtracks/colorful.js';
export type { ColorfulFormatterOptions } from './railtracks/colorful.js';
export type { ColourLevel } from './railtracks/colour-support.js';
export { shortLoggerName } from './railtracks/logger-name.js';
export type { NameStyle } from './railtracks/logger-name.js';
export { CONSOLE_FORMAT, FILE_FORMAT } from './railtracks/formats.js';
export { percentFormat, compilePercent, PercentFormatError } from './python/percent.js';
export { pyStr, pyRepr } from './python/repr.js';
export { strftime } from './python/strftime.js';
export { ExecutorConfig } from './railtracks/config.js';
export type { ExecutorConfigOptions, Subscriber } from './railtracks/config.js';
export { LOGGING_SETTINGS, LOGGING_SETTING_NAMES } from './railtracks/logging-settings.js';
export type { LoggingSetting } from './railtracks/logging-settings.js';
export { setConfig, getConfig, detachLoggingHandlers, enableLogging, flush } from './railtracks/logging-setup.js';
export type { EnableLoggingOptions } from './railtracks/logging-setup.js';
export { withSession, getSessionId } from './railtracks/session.js';
export { RTAction, RequestCreationAction, RequestSuccessAction, RequestFailureAction, argKwargLoggingStr } from './railtracks/actions.js';
export type { ActionKind } from './railtracks/actions.js';
export { setRaiseExceptions } from './core/logging-errors.js';
export { setClock } from './core/clock.js';
export { resetLogging } from './testing/reset.js';

// profiling
export { Stamp, stampClock, StampManager, StampDataError, validateStampManagerJSON, toChromeTrace, toHtmlTimeline, buildTimeline, SharedStampManager, instrument, timed } from './profiling/index.js';
export type { EncodedStamp, StampCreator, StepLogs, StampManagerJSON, ChromeTrace, ChromeTraceOptions, TraceEvent, TracePhase, HtmlTimelineOptions, StampSource, Timeline, TimelineLane, TimelineSlice, SharedStampHandle, SharedStampOptions, InstrumentLogger, InstrumentOptions, InstrumentStamps } from './profiling/index.js';

// files
export { JsonFormatter } from './formatters/json.js';
export type { JsonFormatterOptions } from './formatters/json.js';
export { SafeJson, jsonString } from './formatters/safe-json.js';
export type { SafeJsonOptions } from './formatters/safe-json.js';
export { BaseRotatingHandler } from './handlers/base-rotating.js';
export { RotatingFileHandler } from './handlers/rotating.js';
export type { RotatingFileHandlerOptions } from './handlers/rotating.js';
export { TimedRotatingFileHandler } from './handlers/timed-rotating.js';
export type { TimedRotatingFileHandlerOptions, RolloverWhen } from './handlers/timed-rotating.js';
export { WatchedFileHandler } from './handlers/watched-file.js';
export { readLogs, entriesBackward, compileFilter } from './reader/read-logs.js';
export type { ReadLogsOptions, LogPage } from './reader/read-logs.js';
export { readLinesBackward } from './reader/backward-lines.js';
export type { BackwardLine, BackwardLinesOptions } from './reader/backward-lines.js';
export { parseLine, levelNumberOf } from './reader/parse-entry.js';
export type { LogEntry } from './reader/parse-entry.js';
export { attachSubsystemFiles } from './railtracks/subsystem-files.js';
export type { SubsystemFiles, SubsystemFilesOptions } from './railtracks/subsystem-files.js';
// interop
export { configure, configureFromFile } from './interop/dict-config.js';
export { registerHandlerClass, registerFormatterClass } from './interop/handler-classes.js';
export type { HandlerFactory, FormatterFactory } from './interop/handler-classes.js';
export { decodePickle, PickleError } from './interop/pickle-codec.js';
export type { PickleLimits } from './interop/pickle-codec.js';
export { encodePickle, framePickle } from './interop/pickle-encoder.js';
export { recordFromDict } from './interop/record-intake.js';
export type { RecordSink, ReceiverErrorHandler } from './interop/record-intake.js';
export { LogRecordSocketReceiver, DEFAULT_TCP_LOGGING_PORT } from './interop/socket-receiver.js';
export type { SocketReceiverOptions } from './interop/socket-receiver.js';
export { LogRecordDatagramReceiver } from './interop/datagram-receiver.js';
export type { DatagramReceiverOptions } from './interop/datagram-receiver.js';
export { LogRecordHttpReceiver } from './interop/http-receiver.js';
export type { HttpReceiverOptions } from './interop/http-receiver.js';
export { SocketHandler } from './interop/socket-handler.js';
export type { SocketHandlerOptions } from './interop/socket-handler.js';
export { DatagramHandler, DEFAULT_UDP_LOGGING_PORT } from './interop/datagram-handler.js';
export { PyFormatError, formatSpec } from './python/format-spec.js';
