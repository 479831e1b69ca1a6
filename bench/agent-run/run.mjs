// A whole agent run, replayed: generates the seeded recording (generate.mjs), then replays it
// through our stack (replay.mjs) and through CPython logging with the Python StampManager
// mirror (replay.py), each run a fresh process, the two interleaved, medians reported.
//
//   npm run build && node bench/agent-run/run.mjs [--runs 5] [--nodes 3000] [--json]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { events } from './generate.mjs';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, nodes: { type: 'string', default: '3000' }, seed: { type: 'string', default: '7' }, json: { type: 'boolean', default: false } } });
const runs = Number(values.runs);
const dir = mkdtempSync(join(tmpdir(), 'rt-agent-run-'));
const recording = join(dir, 'run.jsonl');
const list = [...events({ nodes: Number(values.nodes), seed: Number(values.seed) })];
writeFileSync(recording, list.map((e) => JSON.stringify(e)).join('\n') + '\n');
const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const SIDES = {
  ours: [process.execPath, [here('replay.mjs'), recording, dir]],
  python: ['python3', [here('replay.py'), recording, dir]],
};

const results = { ours: [], python: [] };
const loads = [];
for (let r = 0; r < runs; r++) {
  for (const [side, [cmd, args]] of Object.entries(SIDES)) {
    loads.push(loadavg()[0]);
    results[side].push(JSON.parse(execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 20 }).trim().split('\n').pop()));
  }
}
rmSync(dir, { recursive: true, force: true });

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const counts = list.reduce((c, e) => ((c[e.e] = (c[e.e] ?? 0) + 1), c), {});
const summary = Object.fromEntries(Object.entries(results).map(([side, rs]) => [side, {
  totalMs: median(rs.map((x) => x.ns / 1e6)),
  minMs: Math.min(...rs.map((x) => x.ns / 1e6)),
  maxMs: Math.max(...rs.map((x) => x.ns / 1e6)),
  cpuMs: median(rs.map((x) => x.cpuNs / 1e6)),
  usPerEvent: median(rs.map((x) => x.ns / 1e3 / x.events)),
  peakRssMiB: median(rs.map((x) => x.maxRssKiB / 1024)),
  consoleLines: rs[0].consoleLines,
  consoleChars: rs[0].consoleChars,
  textBytes: rs[0].textBytes,
  jsonBytes: rs[0].jsonBytes,
  stamps: rs[0].stamps,
}]));
const data = { runs, nodes: Number(values.nodes), seed: Number(values.seed), events: list.length, counts, load: { median: median(loads), max: Math.max(...loads) }, summary };
if (values.json) console.log(JSON.stringify(data));
else {
  console.log(`agent run replayed: ${list.length} events (${Object.entries(counts).map(([k, v]) => `${v} ${k}`).join(', ')}), ${runs} interleaved fresh processes each, load ${data.load.median.toFixed(2)}`);
  console.log('side'.padEnd(8) + 'total ms'.padStart(10) + 'cpu ms'.padStart(9) + 'µs/event'.padStart(10) + 'peak RSS'.padStart(10) + 'console chars'.padStart(15) + 'text bytes'.padStart(12) + 'json bytes'.padStart(12));
  for (const [side, s] of Object.entries(summary)) {
    console.log(side.padEnd(8) + s.totalMs.toFixed(0).padStart(10) + s.cpuMs.toFixed(0).padStart(9) + s.usPerEvent.toFixed(2).padStart(10) + `${s.peakRssMiB.toFixed(0)} MiB`.padStart(10) + String(s.consoleChars).padStart(15) + String(s.textBytes).padStart(12) + String(s.jsonBytes).padStart(12));
  }
  console.log(`ours/python total time: ${(summary.ours.totalMs / summary.python.totalMs).toFixed(2)}x`);
}
