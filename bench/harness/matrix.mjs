// Which workloads exist, which contenders run each, and how many operations a run does.
// One source of truth for the driver (run.mjs) and the report (report.mjs).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const node = (script, variant) => ({ cmd: process.execPath, args: [here(`../contenders/${script}`), '--variant', variant] });
const python = (script, variant) => ({ cmd: 'python3', args: [here(`../python/${script}`), '--variant', variant], python: true, opsFactor: 0.25 });

/** True once the JSON formatter (files work) is built; its contenders join then. */
export const hasJsonFormatter = existsSync(here('../../dist/formatters/json.js'));

/**
 * Every contender: `output` says where its lines go and so how they are counted —
 * `file` (newlines on disk, counted by the driver) or `count` (the child reports a count).
 * `opsFactor` scales the operation counts of a slow contender.
 */
export const CONTENDERS = {
  'ours-json-batched': { label: 'ours JSON, batched', output: 'file', ...node('ours.mjs', 'json-batched'), needsJson: true },
  'ours-json-sync': { label: 'ours JSON, sync', output: 'file', ...node('ours.mjs', 'json-sync'), needsJson: true },
  'ours-text-batched': { label: 'ours text, batched', output: 'file', ...node('ours.mjs', 'text-batched') },
  'ours-text-sync': { label: 'ours text, sync', output: 'file', ...node('ours.mjs', 'text-sync') },
  'pino-sync': { label: 'pino, sync dest.', output: 'file', ...node('pino.mjs', 'sync') },
  'pino-async': { label: 'pino, async dest.', output: 'file', ...node('pino.mjs', 'async') },
  // The slow contenders do a quarter of the calls: their per-call figure is as steady at that
  // count, and the suite stays within a few minutes.
  winston: { label: 'winston, File', output: 'file', ...node('winston.mjs', ''), opsFactor: 0.25 },
  'python-logging': { label: 'CPython logging', output: 'file', ...python('logging_bench.py', 'file') },
  // LogTape 2 (file sink, JSON lines) and tslog 5 (file transport, JSON): a quarter of the calls too.
  'logtape-buffered': { label: 'LogTape, file sink', output: 'file', ...node('logtape.mjs', 'buffered'), opsFactor: 0.25 },
  'logtape-sync': { label: 'LogTape, file sink unbuffered', output: 'file', ...node('logtape.mjs', 'sync'), opsFactor: 0.25 },
  tslog: { label: 'tslog, file transport', output: 'file', ...node('tslog.mjs', ''), opsFactor: 0.25 },
  'ours-console-plain': { label: 'ours console, plain', output: 'count', ...node('ours.mjs', 'console-plain') },
  'ours-console-colour': { label: 'ours console, colour', output: 'count', ...node('ours.mjs', 'console-colour') },
  'python-console-plain': { label: 'CPython console, plain', output: 'count', ...python('logging_bench.py', 'console-plain') },
  'python-console-colour': { label: 'CPython console, colour', output: 'count', ...python('logging_bench.py', 'console-colour') },
  'pino-pretty-plain': { label: 'pino-pretty, plain', output: 'count', ...node('pino-pretty.mjs', 'plain'), opsFactor: 0.25 },
  'pino-pretty-colour': { label: 'pino-pretty, colour', output: 'count', ...node('pino-pretty.mjs', 'colour'), opsFactor: 0.25 },
  'ours-stamps': { label: 'ours StampManager', output: 'count', ...node('ours-stamps.mjs', '') },
  'python-stamps': { label: 'Python StampManager', output: 'count', ...python('stamp_bench.py', '') },
};

const LOGGERS = ['ours-json-batched', 'ours-json-sync', 'ours-text-batched', 'ours-text-sync', 'pino-sync', 'pino-async', 'winston', 'logtape-buffered', 'logtape-sync', 'tslog', 'python-logging'];

/**
 * The workloads. `ops` is per measured loop; `pythonOps` / `slowOps` replace it for the Python
 * and the other slow contenders where a scaled count would be too small or too slow.
 * `expect` is how many lines (or stamps) a valid run leaves: `all` (warm-up plus measured
 * calls), `none` (disabled level), `measured` (stamps: a fresh manager is timed).
 * `baseline` is the contender ratios are taken against; `target` is the goal for ours.
 */
export const SCENARIOS = [
  { name: 'basic', title: "info('hello world')", ops: 200_000, warmup: 20_000, expect: 'all', contenders: LOGGERS, baseline: 'pino-sync', target: 0.5 },
  { name: 'printf', title: "info('user %s did %d things', 'bob', 42)", ops: 200_000, warmup: 20_000, expect: 'all', contenders: LOGGERS, baseline: 'pino-sync', target: 0.5 },
  { name: 'object', title: 'three structured fields', ops: 200_000, warmup: 20_000, expect: 'all', contenders: LOGGERS, baseline: 'pino-sync', target: 0.5 },
  { name: 'deep', title: '~3 KB nested object as a field', ops: 20_000, warmup: 2_000, expect: 'all', contenders: LOGGERS, baseline: 'pino-sync', target: 0.9 },
  { name: 'child', title: 'child logger with two bound fields', ops: 200_000, warmup: 20_000, expect: 'all', contenders: LOGGERS, baseline: 'pino-sync' },
  { name: 'disabled', title: "debug('hello world') at INFO", ops: 20_000_000, pythonOps: 2_000_000, slowOps: 400_000, warmup: 1_000_000, expect: 'none', contenders: LOGGERS, baseline: 'pino-sync', target: 1.0 },
  { name: 'console', title: 'Railtracks console line to a null stream', ops: 200_000, warmup: 20_000, expect: 'all', contenders: ['ours-console-plain', 'ours-console-colour', 'pino-pretty-plain', 'pino-pretty-colour', 'python-console-plain', 'python-console-colour'], baseline: 'python-console-plain', target: 1 / 20 },
  { name: 'stamp-create', title: 'StampManager createStamp, warm', ops: 500_000, warmup: 50_000, expect: 'measured', contenders: ['ours-stamps', 'python-stamps'], baseline: 'python-stamps', target: 1 / 20 },
  { name: 'stamp-group5', title: 'stampCreator, groups of five, warm', ops: 500_000, warmup: 50_000, expect: 'measured', contenders: ['ours-stamps', 'python-stamps'], baseline: 'python-stamps', target: 1 / 20 },
  // Cold: the first calls a short script makes, timed from the very first one (no warm-up round),
  // so the interpreter and the JIT's compiling are inside the figure.
  { name: 'stamp-create-cold', title: 'StampManager createStamp, cold (no warm-up)', ops: 250_000, warmup: 0, expect: 'measured', contenders: ['ours-stamps', 'python-stamps'], baseline: 'python-stamps', target: 1 / 20 },
  { name: 'stamp-group5-cold', title: 'stampCreator, groups of five, cold (no warm-up)', ops: 250_000, warmup: 0, expect: 'measured', contenders: ['ours-stamps', 'python-stamps'], baseline: 'python-stamps', target: 1 / 20 },
];

/** The contender whose figure is checked against a scenario's target. */
export function headlineFor(scenario) {
  if (scenario.name === 'console') return 'ours-console-plain';
  if (scenario.name.startsWith('stamp')) return 'ours-stamps';
  return hasJsonFormatter ? 'ours-json-batched' : 'ours-text-batched';
}
