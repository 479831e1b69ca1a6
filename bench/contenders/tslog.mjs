// tslog 5 writing JSON lines through its file transport (the console output hidden).
import { Logger } from 'tslog';
import { fileTransport } from 'tslog/transports/file';
import { childArgs, measure } from '../harness/child.mjs';
import { BOUND_FIELDS, DEEP_OBJECT } from '../harness/payloads.mjs';

const args = childArgs();
const log = new Logger({ type: 'hidden', minLevel: 'INFO', name: 'bench' });
log.attachTransport(fileTransport({ path: args.out, append: false, format: 'json' }));
const child = log.getSubLogger({ name: 'child', bindings: BOUND_FIELDS });

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
  finish: async () => { await log.flush(); },
});
