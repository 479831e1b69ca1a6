// Our service sending records to a Python collector (examples/python/collector.py). Start the
// collector first; records logged before it is up wait in a bounded buffer and are sent once
// the connection succeeds.
// npm run build && node examples/send-to-python.mjs
import { SocketHandler } from '../dist/interop/index.js';
import { extra, getRtLogger } from '../dist/index.js';

const handler = new SocketHandler('127.0.0.1', 9020, { maxBuffered: 1000, retryStart: 200 });
const log = getRtLogger('ts-service');
log.setLevel('DEBUG');
log.addHandler(handler);

log.info('request %s handled in %.1f ms', 'r-17', 12.34, extra({ tenant: 'acme' }));
log.exception('upstream call failed', new Error('connection reset'));
await handler.flush();
await handler.close();
