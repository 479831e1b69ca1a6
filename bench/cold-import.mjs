// Cold start: how long a fresh `node` process takes to import each package and exit, measured
// as whole processes, contenders interleaved round by round, medians reported. "first line"
// is import + setConfig with a log file + one record flushed to disk.
// Run: npm run build && node bench/cold-import.mjs [--runs 15]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '15' }, json: { type: 'boolean', default: false } } });
const runs = Number(values.runs);
const root = fileURLToPath(new URL('../dist/index.js', import.meta.url));
const pino = fileURLToPath(new URL('../node_modules/pino/pino.js', import.meta.url));
const winston = fileURLToPath(new URL('../node_modules/winston/lib/winston.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'rt-cold-'));

const CONTENDERS = {
  'bare node': '',
  'pino': `await import(${JSON.stringify(pino)});`,
  'winston': `await import(${JSON.stringify(winston)});`,
  'ours (root)': `await import(${JSON.stringify(root)});`,
  'ours: first line on disk': `const m = await import(${JSON.stringify(root)});
    m.setConfig(new m.ExecutorConfig({ loggingSetting: 'NONE', logFile: ${JSON.stringify(join(dir, 'first.log'))} }));
    m.getRtLogger('cold').warning('first line'); await m.flush();`,
};

const times = Object.fromEntries(Object.keys(CONTENDERS).map((k) => [k, []]));
for (let round = 0; round < runs; round++) {
  for (const [name, source] of Object.entries(CONTENDERS)) {
    const started = process.hrtime.bigint();
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', source], { encoding: 'utf8' });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    if (child.status !== 0) throw new Error(`${name} failed: ${child.stderr}`);
    times[name].push(ms);
  }
}
rmSync(dir, { recursive: true, force: true });

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const bare = median(times['bare node']);
const rows = Object.entries(times).map(([name, xs]) => ({ name, medianMs: median(xs), overBareMs: median(xs) - bare, minMs: Math.min(...xs) }));
if (values.json) {
  console.log(JSON.stringify({ runs, load: loadavg()[0], node: process.version, rows }, null, 2));
} else {
  console.log(`cold start, ${runs} interleaved fresh processes each, node ${process.version}, load ${loadavg()[0].toFixed(2)}`);
  console.log('contender'.padEnd(28) + 'median ms'.padStart(11) + 'over bare'.padStart(11) + 'min ms'.padStart(9));
  for (const r of rows) console.log(r.name.padEnd(28) + r.medianMs.toFixed(1).padStart(11) + r.overBareMs.toFixed(1).padStart(11) + r.minMs.toFixed(1).padStart(9));
  const pinoOver = rows.find((r) => r.name === 'pino').overBareMs;
  const oursOver = rows.find((r) => r.name === 'ours (root)').overBareMs;
  console.log(`ours/pino import cost (over bare node): ${(oursOver / pinoOver).toFixed(2)}x`);
}
