// A collector for Python workers: receives SocketHandler (TCP 9020), DatagramHandler (UDP 9021)
// and HTTPHandler (POST/GET to http://127.0.0.1:9022/log) records and prints them in the
// Railtracks file layout. Pair it with examples/python/send_to_node.py.
// npm run build && node examples/collector.mjs
import { Formatter, StreamHandler, getLogger } from '../dist/index.js';
import { LogRecordDatagramReceiver, LogRecordHttpReceiver, LogRecordSocketReceiver } from '../dist/interop/index.js';

const console = new StreamHandler(process.stdout);
console.setFormatter(new Formatter('%(asctime)s - %(levelname)-8s - %(name)s - %(message)s [from pid %(process)d]'));
getLogger().addHandler(console);
getLogger().setLevel('DEBUG');

const receivers = [
  new LogRecordSocketReceiver({ port: 9020 }),
  new LogRecordDatagramReceiver({ port: 9021 }),
  new LogRecordHttpReceiver({ port: 9022, path: '/log' }),
];
for (const r of receivers) await r.listen();
process.stderr.write('collecting on tcp 9020, udp 9021, http 9022/log; Ctrl-C to stop\n');
process.on('SIGINT', async () => {
  for (const r of receivers) await r.close();
  process.exit(0);
});
