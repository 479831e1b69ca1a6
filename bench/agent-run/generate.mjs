// A synthetic agent run, as a recording the replayers play back: a coordinator creating a few
// thousand nodes in nested sessions, CREATED/DONE/FAILED actions with arguments, debug chatter,
// some exceptions, stamps and groups of parallel stamps. Seeded, so every run of the bench (and
// anyone regenerating it) replays the same events; generated at bench time, not committed.
//
//   node bench/agent-run/generate.mjs [--nodes 3000] [--seed 7] [--out run.jsonl]
//
// One JSON object per line, `e` naming the event:
//   enter {session}            a nested session opens (its id goes on every record inside)
//   exit                       the innermost session closes
//   created {parent, child, args, kwargs}   "parent CREATED child" at INFO, then its arguments at DEBUG
//   log {logger, level, msg, args}          a %-format message
//   done {node, output}        "node DONE" at INFO
//   failed {node, error}       "node FAILED" at ERROR with an exception (type and message)
//   stamp {id}                 createStamp
//   group {ids}                one stampCreator called once per id (parallel work)
import { createWriteStream } from 'node:fs';
import { parseArgs } from 'node:util';

/** mulberry32: a small seeded generator, enough for reproducible synthetic data. */
function seeded(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KINDS = ['Chunker', 'Embedder', 'Retriever', 'Summariser', 'ToolCall', 'Planner', 'Critic'];
const WORDS = ['doc.txt', 'notes.md', 'policy.pdf', 'faq', 'invoice-2291', 'report', 'draft'];
const ERRORS = [['TimeoutError', 'model call exceeded 30 s'], ['ValueError', 'chunk size must be positive'], ['KeyError', "'embedding'"], ['RateLimitError', 'HTTP 429: slow down']];

/**
 * The events of one run, in order.
 * @example [...events({ nodes: 10, seed: 7 })].length > 10
 */
export function* events({ nodes = 3000, seed = 7 } = {}) {
  const rand = seeded(seed);
  const pick = (xs) => xs[Math.floor(rand() * xs.length)];
  let made = 0;
  let sessions = 0;
  yield { e: 'enter', session: `run-${seed}` };
  yield { e: 'stamp', id: 'Session start' };
  yield { e: 'log', logger: 'RT', level: 20, msg: 'run %s started with %d planned nodes', args: [`run-${seed}`, nodes] };
  /** One node: created by `parent`, chatters, maybe spawns children in a nested session, ends. */
  function* node(parent, depth) {
    const child = `${pick(KINDS)}-${made++}`;
    const args = [pick(WORDS), Math.floor(rand() * 8192), rand() < 0.5];
    const kwargs = rand() < 0.6 ? { overlap: Math.floor(rand() * 256), strategy: pick(['sentence', 'token', 'page']) } : {};
    yield { e: 'created', parent, child, args, kwargs };
    yield { e: 'stamp', id: `${child} start` };
    for (let i = Math.floor(rand() * 3); i > 0; i--) {
      yield { e: 'log', logger: `RT.${child.split('-')[0]}`, level: 10, msg: 'state: step=%d tokens=%d cache=%s', args: [i, Math.floor(rand() * 4000), rand() < 0.3 ? 'hit' : 'miss'] };
    }
    if (depth < 3 && rand() < 0.25 && made < nodes) {
      yield { e: 'enter', session: `s-${sessions++}` };
      const fanOut = 2 + Math.floor(rand() * 4);
      for (let i = 0; i < fanOut && made < nodes; i++) yield* node(child, depth + 1);
      yield { e: 'exit' };
    }
    if (rand() < 0.2) yield { e: 'group', ids: Array.from({ length: 5 }, (_, i) => `${child} part ${i} embedded`) };
    if (rand() < 0.03) {
      const [type, message] = pick(ERRORS);
      yield { e: 'failed', node: child, error: { type, message } };
    } else {
      if (rand() < 0.05) yield { e: 'log', logger: `RT.${child.split('-')[0]}`, level: 30, msg: 'retrying %s after %.1f s', args: [child, rand() * 3] };
      yield { e: 'done', node: child, output: rand() < 0.5 ? [pick(WORDS), Math.floor(rand() * 100)] : null };
    }
    yield { e: 'stamp', id: `${child} end` };
  }
  while (made < nodes) yield* node('Coordinator', 0);
  yield { e: 'log', logger: 'RT', level: 20, msg: 'run finished: %d nodes', args: [made] };
  yield { e: 'stamp', id: 'Session end' };
  yield { e: 'exit' };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { nodes: { type: 'string', default: '3000' }, seed: { type: 'string', default: '7' }, out: { type: 'string' } } });
  const out = values.out === undefined ? process.stdout : createWriteStream(values.out);
  for (const event of events({ nodes: Number(values.nodes), seed: Number(values.seed) })) out.write(JSON.stringify(event) + '\n');
  if (out !== process.stdout) out.end();
}
