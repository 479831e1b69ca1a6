// What runtime telemetry adds to a log call: a JSON line to a counting sink, plain, inside
// withContext, with a flight recorder attached (which also keeps the records the sink does not
// show), and with a resource monitor running. Median of rounds, in-process after a warm-up.
// Run: npm run build && node bench/telemetry-cost.mjs [calls] [rounds]
import { loadavg } from 'node:os';
import { Handler, JsonFormatter, getLogger, withContext } from '../dist/index.js';
import { FlightRecorder, monitorResources } from '../dist/telemetry/index.js';

const N = Number(process.argv[2] ?? 200_000);
const ROUNDS = Number(process.argv[3] ?? 7);

class CountingSink extends Handler {
  count = 0;
  bytes = 0;
  emit(record) { this.bytes += this.format(record).length; this.count++; }
}

const log = getLogger('bench');
log.propagate = false;
log.setLevel('INFO');
const sink = new CountingSink();
sink.setFormatter(new JsonFormatter());
log.addHandler(sink);

const loop = (n) => { for (let i = 0; i < n; i++) log.info('user %s did %d things', 'bob', i); };
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

function measure(label, run) {
  run(N / 10); // warm-up
  const per = [];
  for (let r = 0; r < ROUNDS; r++) {
    const t0 = process.hrtime.bigint();
    run(N);
    per.push(Number(process.hrtime.bigint() - t0) / N);
  }
  return { label, ns: median(per) };
}

const rows = [];
rows.push(measure('plain', loop));
rows.push(measure('inside withContext', (n) => withContext({ request_id: 'r-17', tenant: 'acme' }, () => loop(n))));
const recorder = new FlightRecorder({ capacity: 1000, triggerLevel: null });
log.setLevel('DEBUG');
sink.setLevel('INFO');
log.addHandler(recorder);
rows.push(measure('flight recorder attached', loop));
log.removeHandler(recorder);
log.setLevel('INFO');
const monitor = monitorResources({ intervalMs: 100 });
rows.push(measure('resource monitor running (100 ms)', loop));
await monitor.stop();

console.log(`telemetry cost, ${N} JSON lines to a counting sink, median of ${ROUNDS} rounds, Node ${process.version}, load ${loadavg()[0].toFixed(2)}`);
const base = rows[0].ns;
for (const r of rows) console.log(`${r.label.padEnd(36)}${r.ns.toFixed(0).padStart(8)} ns/call${(r.ns / base).toFixed(2).padStart(8)}x`);
