/**
 * dictConfig names for {@link OTelHandler}: Python's `opentelemetry.sdk._logs.LoggingHandler`
 * and our class name. It emits through the global LoggerProvider (a provider object cannot be
 * written in a config file). Registered when `railtracks-observability/otel` is imported.
 */
import { registerHandlerClass } from '../interop/handler-classes.js';
import { OTelHandler } from './otel-handler.js';

registerHandlerClass(['opentelemetry.sdk._logs.LoggingHandler', 'OTelHandler'], (kw) => {
  for (const key of Object.keys(kw)) {
    if (key !== 'logger_provider') throw new TypeError(`LoggingHandler.__init__() got an unexpected keyword argument '${key}'`);
  }
  if (kw.logger_provider != null) throw new TypeError('logger_provider cannot come from a config file; the handler uses the global LoggerProvider (logs.setGlobalLoggerProvider)');
  return new OTelHandler();
});
