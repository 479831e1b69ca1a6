// Memory per stored stamp: what a StampManager keeps per stamp once the run is over, ours
// (heap plus typed-array memory after a full GC, node --expose-gc) next to the Python mirror
// (tracemalloc: every block still allocated). All stamps share one identifier string, as an
// agent run's repeated identifiers mostly do, so the figure is the manager's own overhead.
// Run after `npm run build`:  node bench/stamp-memory.mjs [stamps] [--json]
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const N = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 200_000);
const json = process.argv.includes('--json');
const profiling = fileURLToPath(new URL('../dist/profiling/index.js', import.meta.url));

// One process per kind, so nothing of one measurement is still alive in the next.
const NODE = `
const { StampManager } = await import(${JSON.stringify(profiling)});
const [n, kind] = [Number(process.argv[1]), process.argv[2]];
const used = () => { globalThis.gc(); globalThis.gc(); const m = process.memoryUsage(); return m.heapUsed + m.arrayBuffers; };
const before = used();
const manager = new StampManager();
if (kind === 'createStamp') for (let i = 0; i < n; i++) manager.createStamp('agent step');
else for (let i = 0; i < n; i += 5) { const s = manager.stampCreator(); s('agent step'); s('agent step'); s('agent step'); s('agent step'); s('agent step'); }
console.log((used() - before) / manager.size);
`;
const KINDS = ['createStamp', 'stampCreator, groups of 5'];

const PYTHON = String.raw`
import json, sys, tracemalloc
sys.path.insert(0, sys.argv[2])
from stamp_manager import StampManager
n = int(sys.argv[1])
out = {}
for kind in ("createStamp", "stampCreator, groups of 5"):
    tracemalloc.start()
    m = StampManager()
    if kind == "createStamp":
        for _ in range(n):
            m.create_stamp("agent step")
    else:
        for _ in range(0, n, 5):
            s = m.stamp_creator()
            s("agent step"); s("agent step"); s("agent step"); s("agent step"); s("agent step")
    current, _peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    out[kind] = current / len(m._stamps)
    del m
print(json.dumps(out))
`;

const ours = Object.fromEntries(KINDS.map((kind) => [kind, Number(execFileSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', NODE, String(N), kind], { encoding: 'utf8' }))]));
let python;
try {
  python = JSON.parse(execFileSync('python3', ['-c', PYTHON, String(N), fileURLToPath(new URL('python', import.meta.url))], { encoding: 'utf8' }));
} catch (error) {
  console.error(`python3 not run (${error.message.split('\n')[0]})`);
}
const rows = Object.keys(ours).map((kind) => ({ kind, oursBytes: ours[kind], pythonBytes: python?.[kind] ?? null }));
if (json) console.log(JSON.stringify({ stamps: N, rows }));
else {
  console.log(`memory per stored stamp, ${N} stamps, one shared identifier`);
  for (const r of rows) console.log(`${r.kind.padEnd(28)} ours ${r.oursBytes.toFixed(1).padStart(7)} B   python ${r.pythonBytes === null ? 'n/a' : r.pythonBytes.toFixed(1).padStart(7) + ' B'}`);
}
