// Profile a small agent run: each call is stamped and logged, then the timeline is written next
// to the log file as HTML (open it in a browser), Chrome Trace JSON (Perfetto) and stamp JSON
// (load it in Python with examples/python/load_stamps.py).
// Run:  npm run build && node examples/profiling-timeline.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ExecutorConfig, flush, getRtLogger, instrument, setConfig, timed } from '../dist/index.js';
import { StampManager } from '../dist/profiling/index.js';

const outDir = resolve(process.env.RT_DEMO_DIR ?? 'demo-output');
mkdirSync(outDir, { recursive: true });
const logFile = join(outDir, 'profiling-run.log');
setConfig(new ExecutorConfig({ loggingSetting: 'REGULAR', logFile }));

const stamps = new StampManager();
const logger = getRtLogger('ingest');

// Each instrumented call reserves one step: its CREATED and DONE stamps share it.
const embed = instrument(async (chunk) => {
  await sleep(15 + chunk.length * 4);
  return chunk.length;
}, { name: 'embed', logger, stamps });

const store = instrument((vectors) => vectors.reduce((a, b) => a + b, 0), { name: 'store', logger, stamps });

stamps.createStamp('Session start');
await timed('load documents', () => sleep(30), { logger, stamps });

// A group of related events on one step, made by hand.
const chunking = stamps.stampCreator();
chunking('chunking started');
const chunks = ['alpha', 'beta gamma', 'delta', 'epsilon zeta eta'];
await sleep(10);
chunking(`chunked into ${chunks.length}`);

const vectors = await Promise.all(chunks.map((chunk) => embed(chunk)));
store(vectors);

try {
  await timed('summarise', async () => {
    await sleep(12);
    throw new Error('model quota exceeded');
  }, { logger, stamps });
} catch {
  logger.warning('summary skipped; continuing');
}
stamps.createStamp('Session end');

const base = join(outDir, 'profiling-run');
writeFileSync(`${base}.timeline.html`, stamps.toHtml({ title: 'Ingest run' }));
writeFileSync(`${base}.trace.json`, JSON.stringify(stamps.toChromeTrace({ processName: 'ingest run' })));
writeFileSync(`${base}.stamps.json`, JSON.stringify(stamps, null, 2));

await flush();
process.stderr.write(
  `\n${stamps.size} stamps in ${stamps.step} steps\n` +
    `log:      ${logFile}\ntimeline: ${base}.timeline.html\ntrace:    ${base}.trace.json (open in https://ui.perfetto.dev)\n` +
    `stamps:   ${base}.stamps.json (python3 examples/python/load_stamps.py ${base}.stamps.json)\n`,
);
