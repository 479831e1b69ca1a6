// Benchmark driver: runs every contender of every workload in a fresh child process,
// interleaved (A B C, A B C, ...), checks that each run left every line it should, and keeps
// the median and range of the valid runs. Prints figures; asserts nothing.
//
//   npm run bench                      full suite, 7 runs, writes docs/benchmarks.{json,md,svg}
//   npm run bench -- --quick           3 runs at a fifth of the operations; prints only
//   node bench/run.mjs --only basic,deep --contenders ours-text-batched,pino-sync --runs 3
// The whole suite also runs bench/cold-import.mjs, bench/stamp-memory.mjs and
// bench/agent-run/run.mjs (--no-extras leaves them out).
import { spawn } from 'node:child_process';
import { mkdtempSync, openSync, readSync, closeSync, rmSync, existsSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir, cpus, totalmem, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { CONTENDERS, SCENARIOS, hasJsonFormatter } from './harness/matrix.mjs';
import { BOUND_FIELDS, CONSOLE_MESSAGE, DEEP_OBJECT } from './harness/payloads.mjs';
import { summarise, printTable, writeReport } from './report.mjs';

const { values: opts } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    runs: { type: 'string' },
    only: { type: 'string' },
    contenders: { type: 'string' },
    write: { type: 'boolean' },
    'no-write': { type: 'boolean', default: false },
    'no-extras': { type: 'boolean', default: false },
  },
});
const quick = opts.quick;
const runs = Number(opts.runs ?? (quick ? 3 : 7));
const scale = quick ? 0.2 : 1;
// Only a full-size run of the whole suite replaces the published figures, unless asked.
const write = opts.write ?? (!quick && !opts['no-write'] && opts.only === undefined && opts.contenders === undefined);
const onlyScenarios = opts.only?.split(',');
const onlyContenders = opts.contenders?.split(',');

const work = mkdtempSync(join(tmpdir(), 'rt-bench-'));
const payloadsPath = join(work, 'payloads.json');
writeFileSync(payloadsPath, JSON.stringify({ deep: DEEP_OBJECT, bound: BOUND_FIELDS, consoleMessage: CONSOLE_MESSAGE }));

/** Count newline bytes without holding the file in memory. */
function countLines(path) {
  if (!existsSync(path)) return 0;
  const fd = openSync(path, 'r');
  const buf = Buffer.allocUnsafe(1 << 20);
  let lines = 0;
  try {
    for (let n; (n = readSync(fd, buf, 0, buf.length, null)) > 0; ) {
      for (let at = buf.indexOf(10); at !== -1 && at < n; at = buf.indexOf(10, at + 1)) lines++;
    }
  } finally {
    closeSync(fd);
  }
  return lines;
}

function runChild(cmd, args, timeoutMs) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, out, err });
    });
  });
}

async function runOnce(scenario, id) {
  const contender = CONTENDERS[id];
  // Disabled calls are cheap everywhere except in the slow contenders, which get their own count.
  const slowCount = contender.python ? scenario.pythonOps : contender.opsFactor ? scenario.slowOps : undefined;
  const factor = slowCount === undefined ? (contender.opsFactor ?? 1) : 1;
  const ops = Math.max(1000, Math.round((slowCount ?? scenario.ops) * factor * scale));
  const warmup = Math.round(scenario.warmup * (contender.opsFactor ?? 1) * scale);
  const out = join(work, `${scenario.name}-${id}.log`);
  const args = [...contender.args, '--scenario', scenario.name, '--ops', String(ops), '--warmup', String(warmup), '--out', out];
  if (contender.python) args.push('--payloads', payloadsPath);
  const load = loadavg()[0];
  const res = await runChild(contender.cmd, args, 300_000);
  const expected = scenario.expect === 'none' ? 0 : scenario.expect === 'measured' ? ops : ops + warmup;
  const run = { ops, load, expected, valid: false };
  try {
    if (res.code !== 0) throw new Error(`exit ${res.code ?? res.signal}: ${res.err.trim().split('\n').slice(-3).join(' | ')}`);
    const report = JSON.parse(res.out.trim().split('\n').pop());
    run.nsPerOp = report.ns / ops;
    run.cpuNsPerOp = report.cpuNs / ops;
    run.maxRssMiB = report.maxRssKiB / 1024;
    run.lines = contender.output === 'file' ? countLines(out) : report.lines;
    // A run that lost (or duplicated) lines measured something else: it does not count.
    run.valid = run.lines === expected;
    if (!run.valid) run.error = `expected ${expected} lines, found ${run.lines}`;
  } catch (error) {
    run.error = error.message;
  } finally {
    rmSync(out, { force: true });
  }
  return run;
}

const selected = SCENARIOS.filter((s) => onlyScenarios === undefined || onlyScenarios.includes(s.name));
const started = Date.now();
const results = [];
for (const scenario of selected) {
  const ids = scenario.contenders.filter(
    (id) => (onlyContenders === undefined || onlyContenders.includes(id)) && (!CONTENDERS[id].needsJson || hasJsonFormatter),
  );
  const runsById = Object.fromEntries(ids.map((id) => [id, []]));
  for (let r = 0; r < runs; r++) {
    for (const id of ids) {
      const run = await runOnce(scenario, id);
      runsById[id].push(run);
      const shown = run.valid ? `${run.nsPerOp.toFixed(1)} ns/op, ${run.maxRssMiB.toFixed(0)} MiB` : `INVALID (${run.error})`;
      process.stderr.write(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)}s] ${scenario.name} run ${r + 1}/${runs} ${id}: ${shown}\n`);
    }
  }
  results.push({ scenario: scenario.name, runs: runsById });
}
rmSync(work, { recursive: true, force: true });

// Whole-process figures next to the per-call ones: cold import, memory per stored stamp, and a
// whole agent run replayed. Each script prints JSON with --json; skipped when only some
// workloads or contenders were asked for.
async function extraFigure(script, args) {
  const res = await runChild(process.execPath, [fileURLToPath(new URL(script, import.meta.url)), ...args, '--json'], 1_200_000);
  if (res.code !== 0) {
    process.stderr.write(`${script} failed: ${res.err.trim().split('\n').slice(-3).join(' | ')}\n`);
    return undefined;
  }
  // cold-import.mjs prints indented JSON; the others one line.
  return JSON.parse(res.out);
}
const extras = onlyScenarios === undefined && onlyContenders === undefined && !opts['no-extras'];
let coldImport;
let stampMemory;
let agentRun;
if (extras) {
  process.stderr.write(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)}s] cold import, stamp memory, agent run\n`);
  coldImport = await extraFigure('cold-import.mjs', ['--runs', String(Math.max(11, runs))]);
  stampMemory = await extraFigure('stamp-memory.mjs', [quick ? '50000' : '200000']);
  agentRun = await extraFigure('agent-run/run.mjs', ['--runs', String(runs), '--nodes', quick ? '1000' : '3000']);
}

const version = (pkg) => JSON.parse(readFileSync(fileURLToPath(new URL(`../node_modules/${pkg}/package.json`, import.meta.url)), 'utf8')).version;
const machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  node: process.versions.node,
  python: (await runChild('python3', ['-c', 'import platform; print(platform.python_version())'], 10_000)).out.trim(),
  pino: JSON.parse(readFileSync(fileURLToPath(new URL('../node_modules/pino/package.json', import.meta.url)), 'utf8')).version,
  winston: JSON.parse(readFileSync(fileURLToPath(new URL('../node_modules/winston/package.json', import.meta.url)), 'utf8')).version,
  ours: JSON.parse(readFileSync(fileURLToPath(new URL('../package.json', import.meta.url)), 'utf8')).version,
  logtape: version('@logtape/logtape'),
  tslog: version('tslog'),
  pinoPretty: version('pino-pretty'),
};
const data = {
  date: new Date().toISOString(),
  quick,
  runs,
  durationSeconds: Math.round((Date.now() - started) / 1000),
  machine,
  results,
  coldImport,
  stampMemory,
  agentRun,
};
const summary = summarise(data);
printTable(summary);
if (write) {
  writeReport(data, summary);
  process.stderr.write('wrote docs/benchmarks.json, docs/benchmarks.md, docs/benchmarks.svg\n');
}

// The telemetry and OpenTelemetry costs of a log call are printed after the suite (their own
// scripts: bench/telemetry-cost.mjs, bench/otel-trace-context.mjs), each in a fresh process.
if (onlyScenarios === undefined && onlyContenders === undefined) {
  const quickArgs = { 'telemetry-cost.mjs': ['50000', '3'], 'otel-trace-context.mjs': ['--runs', '3', '--calls', '50000'] };
  for (const script of ['telemetry-cost.mjs', 'otel-trace-context.mjs']) {
    const args = [fileURLToPath(new URL(script, import.meta.url)), ...(quick ? quickArgs[script] : [])];
    const { out, err, code } = await runChild(process.execPath, args, 600_000);
    process.stdout.write(`\n${out}${code === 0 ? '' : `(${script} failed: ${err.trim()})\n`}`);
  }
}
