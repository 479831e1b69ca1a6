/**
 * `railtracks-observability/viewer`: the log viewer. `createLogServer` starts a local web page
 * and read-only JSON API over log files (and saved stamp files); `createLogRequestHandler` is the
 * same thing as a request handler to mount on a server you already run.
 */
export { createLogServer } from './log-server.js';
export type { LogServer, LogServerOptions } from './log-server.js';
export { createLogRequestHandler } from './request-handler.js';
export type { LogRequestHandler, LogRequestHandlerOptions } from './request-handler.js';
export type { CatalogFile, CatalogFormat } from './file-catalog.js';
