// Cost of one log call with trace context: the OpenTelemetry layer not loaded (what a program
// without @opentelemetry/api runs: the root entry never resolves it), loaded with no span
// active, and inside an active span. Each mode runs in a fresh child process, interleaved;
// prints the median ns per call and the range. Asserts nothing.
//
//   npm run build && node bench/otel-trace-context.mjs [--runs 5] [--calls 200000]
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';

const { values: opts } = parseArgs({ options: { runs: { type: 'string' }, calls: { type: 'string' }, child: { type: 'string' } } });
const calls = Number(opts.calls ?? 200_000);

async function child(mode) {
  const { getLogger, Handler, Formatter } = await import('../dist/index.js');
  class Discard extends Handler {
    out = 0;
    emit(record) { this.out += this.format(record).length; }
  }
  const handler = new Discard();
  handler.setFormatter(new Formatter('%(levelname)s %(name)s %(message)s'));
  const log = getLogger('bench.otel');
  log.propagate = false;
  log.addHandler(handler);
  let run = () => { for (let i = 0; i < calls; i++) log.warning('request %d done', i); };
  if (mode !== 'absent') {
    const { context, trace } = await import('@opentelemetry/api');
    const { AsyncLocalStorageContextManager } = await import('@opentelemetry/context-async-hooks');
    const { BasicTracerProvider } = await import('@opentelemetry/sdk-trace-base');
    const { enableTraceContext } = await import('../dist/otel/index.js');
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    enableTraceContext({ serviceName: 'bench' });
    if (mode === 'span') {
      const inner = run;
      const tracer = new BasicTracerProvider().getTracer('bench');
      run = () => tracer.startActiveSpan('op', (span) => { inner(); span.end(); });
    }
  }
  run(); // warm-up
  const start = process.hrtime.bigint();
  run();
  const ns = Number(process.hrtime.bigint() - start) / calls;
  process.stdout.write(JSON.stringify({ mode, ns, check: handler.out > 0 }));
}

if (opts.child) {
  await child(opts.child);
} else {
  const modes = ['absent', 'no-span', 'span'];
  const results = Object.fromEntries(modes.map((m) => [m, []]));
  for (let r = 0; r < Number(opts.runs ?? 5); r++) {
    for (const mode of modes) {
      const out = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', mode, '--calls', String(calls)], { encoding: 'utf8' });
      if (out.status !== 0) throw new Error(out.stderr);
      results[mode].push(JSON.parse(out.stdout).ns);
    }
  }
  console.log(`log call with a %-format handler, ${calls} calls per run, median (min-max) ns/call:`);
  for (const mode of modes) {
    const v = results[mode].sort((a, b) => a - b);
    console.log(`  ${mode.padEnd(8)} ${v[Math.floor(v.length / 2)].toFixed(0).padStart(6)}  (${v[0].toFixed(0)}-${v[v.length - 1].toFixed(0)})`);
  }
}
