/**
 * `railtracks-observability/interop`: working with Python processes — `dictConfig` files,
 * Python's logging wire protocols (pickle over TCP/UDP, HTTP form posts) in both directions.
 * Loads `net`, `dgram` and `http`, which is why it is not in the root entry.
 */
export { configure, configureFromFile } from './dict-config.js';
export { registerHandlerClass, registerFormatterClass } from './handler-classes.js';
export type { HandlerFactory, FormatterFactory } from './handler-classes.js';
export { decodePickle, PickleError } from './pickle-codec.js';
export type { PickleLimits } from './pickle-codec.js';
export { encodePickle } from './pickle-encoder.js';
export { recordFromDict } from './record-intake.js';
export type { RecordSink, ReceiverErrorHandler, ReceiverOptions } from './record-intake.js';
export type { PeerAllowList } from './peer-allow-list.js';
export type { NetworkLoggers } from './network-loggers.js';
export { receivedFrom } from './wire-origin.js';
export { LogRecordSocketReceiver, DEFAULT_TCP_LOGGING_PORT } from './socket-receiver.js';
export type { SocketReceiverOptions } from './socket-receiver.js';
export { LogRecordDatagramReceiver } from './datagram-receiver.js';
export type { DatagramReceiverOptions } from './datagram-receiver.js';
export { LogRecordHttpReceiver } from './http-receiver.js';
export type { HttpReceiverOptions } from './http-receiver.js';
export { SocketHandler } from './socket-handler.js';
export type { SocketHandlerOptions } from './socket-handler.js';
export { DatagramHandler, DEFAULT_UDP_LOGGING_PORT } from './datagram-handler.js';
export { SysLogHandler, SYSLOG_UDP_PORT } from './syslog-handler.js';
export type { SysLogHandlerOptions } from './syslog-handler.js';
export { SYSLOG_FACILITIES, SYSLOG_SEVERITIES } from './syslog-priority.js';
export type { SyslogFacility } from './syslog-priority.js';
export type { SyslogFraming, Rfc5424Header } from './syslog-message.js';
