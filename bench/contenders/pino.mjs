// pino 10 with its own destination (sonic-boom): variant `sync` writes every line through,
// variant `async` buffers (pino's default for performance-minded users).
import { once } from 'node:events';
import pino from 'pino';
import { childArgs, measure } from '../harness/child.mjs';
import { BOUND_FIELDS, DEEP_OBJECT } from '../harness/payloads.mjs';

const args = childArgs();
const sync = args.variant === 'sync';
const dest = pino.destination({ dest: args.out, sync, mkdir: true });
const log = pino({ level: 'info' }, dest);
const child = log.child(BOUND_FIELDS);

const loops = {
  basic: (n) => { for (let i = 0; i < n; i++) log.info('hello world'); },
  printf: (n) => { for (let i = 0; i < n; i++) log.info('user %s did %d things', 'bob', 42); },
  object: (n) => { for (let i = 0; i < n; i++) log.info({ userId: 42, event: 'login', ok: true }, 'hello world'); },
  deep: (n) => { for (let i = 0; i < n; i++) log.info({ deep: DEEP_OBJECT }, 'hello world'); },
  child: (n) => { for (let i = 0; i < n; i++) child.info('hello world'); },
  disabled: (n) => { for (let i = 0; i < n; i++) log.debug('hello world'); },
};

await measure({
  loop: loops[args.scenario],
  ops: args.ops,
  warmup: args.warmup,
  finish: async () => {
    // end() flushes what is buffered and closes the file; 'close' means it is all written.
    const closed = once(dest, 'close');
    dest.end();
    await closed;
  },
});
