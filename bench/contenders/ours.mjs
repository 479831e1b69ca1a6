// Our logger, driven through the public API of the built package (dist/).
// Variants: text-batched, text-sync, json-batched, json-sync (file output), console-plain and
// console-colour (the Railtracks console line to a null stream).
import { ColorfulFormatter, FILE_FORMAT, FileHandler, Formatter, StreamHandler, extra, getLogger } from '../../dist/index.js';
import { CountingNullStream, childArgs, measure } from '../harness/child.mjs';
import { BOUND_FIELDS, CONSOLE_MESSAGE, DEEP_OBJECT } from '../harness/payloads.mjs';

const args = childArgs();
const [kind, mode] = args.variant.split('-');

async function makeFormatter() {
  if (kind === 'text') return new Formatter(FILE_FORMAT);
  // The JSON formatter belongs to the files work; loaded by path so this file runs before it lands.
  const { JsonFormatter } = await import('../../dist/formatters/json.js');
  return new JsonFormatter();
}

const log = getLogger(kind === 'console' ? 'RT.bench' : 'bench');
log.setLevel('INFO');
log.propagate = false;

let handler;
let stream;
if (kind === 'console') {
  stream = new CountingNullStream();
  handler = new StreamHandler(stream);
  handler.setFormatter(new ColorfulFormatter({ colour: mode === 'colour', stream }));
} else {
  handler = new FileHandler(args.out, { mode: 'w', sync: mode === 'sync' });
  handler.setFormatter(await makeFormatter());
}
log.addHandler(handler);

// Text layouts have no place for structured fields, so text variants log objects through `%s`
// (as a Python user would); JSON variants pass them as fields.
const structured = kind === 'json';
const child = log.bind(BOUND_FIELDS);

const loops = {
  basic: (n) => { for (let i = 0; i < n; i++) log.info('hello world'); },
  printf: (n) => { for (let i = 0; i < n; i++) log.info('user %s did %d things', 'bob', 42); },
  object: structured
    ? (n) => { for (let i = 0; i < n; i++) log.info('hello world', extra({ userId: 42, event: 'login', ok: true })); }
    : (n) => { for (let i = 0; i < n; i++) log.info('hello world %s', { userId: 42, event: 'login', ok: true }); },
  deep: structured
    ? (n) => { for (let i = 0; i < n; i++) log.info('hello world', extra({ deep: DEEP_OBJECT })); }
    : (n) => { for (let i = 0; i < n; i++) log.info('hello world %s', DEEP_OBJECT); },
  child: (n) => { for (let i = 0; i < n; i++) child.info('hello world'); },
  disabled: (n) => { for (let i = 0; i < n; i++) log.debug('hello world'); },
  console: (n) => { for (let i = 0; i < n; i++) log.info(CONSOLE_MESSAGE); },
};

await measure({
  loop: loops[args.scenario],
  ops: args.ops,
  warmup: args.warmup,
  settle: async () => handler.flush(),
  finish: async () => handler.close(),
  extra: () => (stream === undefined ? {} : { lines: stream.lines }),
});
