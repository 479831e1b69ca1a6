// StampManager throughput: createStamp and groups of five via stampCreator, ours in-process
// against a faithful mirror of the Python original run by python3. Prints figures; asserts nothing.
// Run after `npm run build`:  node bench/stamp-manager.mjs [stampsPerRound] [rounds]
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { StampManager } from '../dist/profiling/index.js';

const N = Number(process.argv[2] ?? 200_000);
const ROUNDS = Number(process.argv[3] ?? 7);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function measure(label, run) {
  run(); // warm-up round: let the JIT settle before timing
  const perStamp = [];
  for (let r = 0; r < ROUNDS; r++) {
    const manager = new StampManager();
    const t0 = process.hrtime.bigint();
    run(manager);
    const ns = Number(process.hrtime.bigint() - t0);
    // A round that lost stamps is not a measurement.
    if (manager.size !== N) throw new Error(`${label}: expected ${N} stamps, found ${manager.size}`);
    perStamp.push(ns / N);
  }
  return { label, nsPerStamp: median(perStamp), min: Math.min(...perStamp), max: Math.max(...perStamp) };
}

const ours = [
  measure('createStamp', (m = new StampManager()) => {
    for (let i = 0; i < N; i++) m.createStamp('agent step');
  }),
  measure('stampCreator, groups of 5', (m = new StampManager()) => {
    for (let i = 0; i < N; i += 5) {
      const stamp = m.stampCreator();
      stamp('a'); stamp('b'); stamp('c'); stamp('d'); stamp('e');
    }
  }),
];

// A mirror of the Python original: a threading.Lock around every mutation, time.time(),
// step logs as a dict of lists, stamps appended to a list.
// The mirror lives in bench/python/stamp_manager.py, shared with the interleaved suite.
const PYTHON = String.raw`
import json, sys, time
sys.path.insert(0, sys.argv[3])
from stamp_manager import StampManager

n, rounds = int(sys.argv[1]), int(sys.argv[2])
def single(m):
    for _ in range(n):
        m.create_stamp("agent step")
def groups(m):
    for _ in range(0, n, 5):
        s = m.stamp_creator()
        s("a"); s("b"); s("c"); s("d"); s("e")
out = {}
for name, run in (("createStamp", single), ("stampCreator, groups of 5", groups)):
    run(StampManager())
    per = []
    for _ in range(rounds):
        m = StampManager()
        t0 = time.perf_counter_ns()
        run(m)
        per.append((time.perf_counter_ns() - t0) / n)
        assert len(m._stamps) == n
    per.sort()
    out[name] = {"median": per[len(per) // 2], "min": per[0], "max": per[-1]}
print(json.dumps(out))
`;

let python;
try {
  const text = execFileSync('python3', ['-c', PYTHON, String(N), String(Math.min(ROUNDS, 5)), fileURLToPath(new URL('python', import.meta.url))], { encoding: 'utf8' });
  python = JSON.parse(text);
} catch (error) {
  console.error(`python3 not run (${error.message.split('\n')[0]}); printing our figures only`);
}

const fmt = (x, d = 1) => x.toFixed(d).padStart(9);
console.log(`StampManager, ${N} stamps per round, median of ${ROUNDS} rounds (Node ${process.versions.node})`);
console.log(`${'workload'.padEnd(28)}${'ns/stamp'.padStart(9)}${'min'.padStart(9)}${'max'.padStart(9)}${'stamps/s'.padStart(14)}${'python ns'.padStart(11)}${'ratio'.padStart(8)}`);
for (const r of ours) {
  const py = python?.[r.label];
  const ratio = py ? `1/${(py.median / r.nsPerStamp).toFixed(1)}` : 'n/a';
  console.log(
    `${r.label.padEnd(28)}${fmt(r.nsPerStamp)}${fmt(r.min)}${fmt(r.max)}${Math.round(1e9 / r.nsPerStamp).toLocaleString('en-US').padStart(14)}` +
      `${py ? fmt(py.median, 0).padStart(11) : 'n/a'.padStart(11)}${ratio.padStart(8)}`,
  );
}
console.log('ratio = our time as a fraction of the Python StampManager mirror (target for createStamp: 1/20 or better)');
