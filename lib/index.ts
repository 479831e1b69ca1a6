/**
 * railtracks-observability: the logging and profiling layer of Railtracks, for Node.js.
 * Importing this module creates the `RT` logger and nothing else: no handlers, no timers.
 */
export { NOTSET, DEBUG, INFO, WARNING, ERROR, CRITICAL, getLevelName, addLevelName, toLevelNumber } from './levels.js';
export type { Level, LevelName, LevelAlias } from './levels.js';
export { Logger } from './logger.js';
export type { LogMethod } from './logger.js';
export { LoggerAdapter } from './logger-adapter.js';
export { getLogger, disable, manager, RT_LOGGER_NAME } from './manager.js';
export { getRtLogger } from './rt-logger.js';
export { LogRecord, makeLogRecord, extra, Extra } from './record.js';
export { captureCallSites } from './call-site.js';
export type { LogArgs, RecordSession } from './record.js';
export { Filter, Filterer } from './filter.js';
export type { FilterLike, FilterResult } from './filter.js';
export { Handler } from './handler.js';
export { StreamHandler } from './handlers/stream.js';
export type { TextStream } from './handlers/stream.js';
export { FileHandler } from './handlers/file.js';
export type { FileHandlerOptions } from './handlers/file.js';
export { NullHandler } from './handlers/null.js';
export { Formatter } from './formatter.js';
export type { FormatterOptions } from './formatter.js';
export type { FormatStyle } from './format-styles.js';
export { ColorfulFormatter, escapeControlCharacters } from './formatters/colorful.js';
export type { ColorfulFormatterOptions } from './formatters/colorful.js';
export type { ColourLevel } from './formatters/colour-support.js';
export { shortLoggerName } from './formatters/logger-name.js';
export type { NameStyle } from './formatters/logger-name.js';
export { CONSOLE_FORMAT, FILE_FORMAT } from './formats.js';
export { percentFormat, compilePercent, PercentFormatError } from './percent.js';
export { pyStr, pyRepr } from './pyrepr.js';
export { strftime } from './strftime.js';
export { ExecutorConfig } from './config.js';
export type { ExecutorConfigOptions, Subscriber } from './config.js';
export { LOGGING_SETTINGS, LOGGING_SETTING_NAMES } from './logging-settings.js';
export type { LoggingSetting } from './logging-settings.js';
export { setConfig, getConfig, detachLoggingHandlers, enableLogging, flush } from './logging-setup.js';
export type { EnableLoggingOptions } from './logging-setup.js';
export { withSession, getSessionId } from './session.js';
export { RTAction, RequestCreationAction, RequestSuccessAction, RequestFailureAction, argKwargLoggingStr } from './actions.js';
export type { ActionKind } from './actions.js';
export { setRaiseExceptions } from './internal/logging-errors.js';
export { setClock } from './internal/clock.js';
export { resetLogging } from './reset.js';

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
export { attachSubsystemFiles } from './handlers/subsystem-files.js';
export type { SubsystemFiles, SubsystemFilesOptions } from './handlers/subsystem-files.js';
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
export { PyFormatError, formatSpec } from './format-spec.js';
