// SysLogHandler: Python's bytes, then RFC 5424 with structured data, shown as a syslog server
// would receive them (a UDP socket this script opens on 127.0.0.1).
// Run: npm run build && node examples/syslog.mjs
import { createSocket } from 'node:dgram';
import { getLogger, extra } from '../dist/index.js';
import { SysLogHandler } from '../dist/interop/index.js';

const server = createSocket('udp4');
server.on('message', (m) => process.stdout.write(`received: ${JSON.stringify(m.toString('utf8'))}\n`));
await new Promise((resolve) => server.bind(0, '127.0.0.1', resolve));
const address = ['127.0.0.1', server.address().port];

const log = getLogger('billing');
const python = new SysLogHandler({ address, facility: 'local0' });
log.addHandler(python);
log.error('card declined for %s', 'c-42');
await python.close();
log.removeHandler(python);

const rfc = new SysLogHandler({ address, facility: 'local0', format: 'rfc5424', rfc5424: { appName: 'billing', bom: false } });
log.addHandler(rfc);
log.warning('retrying', extra({ cart: 'c-42', attempt: 2 }));
await rfc.close();
await new Promise((resolve) => setTimeout(resolve, 100));
server.close();
