// JSON lines with structured fields, actions, exceptions, hostile values and redaction.
// Run: npm run build && node examples/json-lines.mjs
import { extra, getRtLogger, JsonFormatter, RequestCreationAction, SafeJson, StreamHandler } from '../dist/index.js';

const handler = new StreamHandler(process.stdout);
handler.setFormatter(new JsonFormatter({ redact: ['password', 'headers.authorization'], fields: { service: 'example' } }));
const log = getRtLogger('api');
log.setLevel('INFO');
log.propagate = false;
log.addHandler(handler);

log.info('login %s', 'ada', extra({ password: 'hunter2', headers: { authorization: 'Bearer x', accept: 'json' } }));
log.info(new RequestCreationAction('Coordinator', 'Chunker', ['doc.txt'], {}));
log.bind({ requestId: 'r-17' }).warning('slow request', extra({ ms: 1234 }));
log.exception('upload failed', new Error('upload failed', { cause: new Error('socket closed') }));

const loop = { big: 10n, fn() {} };
loop.self = loop;
log.info('hostile values still make one valid line', extra({ loop, lone: '\ud800' }));

// The serialiser on its own:
console.log(new SafeJson({ maxDepth: 2 }).stringify({ a: { b: { c: 1 } } })); // {"a":{"b":"[Object]"}}
