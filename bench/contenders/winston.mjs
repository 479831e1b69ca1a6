// winston 3 with its File transport and JSON lines (timestamp, splat for printf arguments).
import { once } from 'node:events';
import winston from 'winston';
import { childArgs, measure } from '../harness/child.mjs';
import { BOUND_FIELDS, DEEP_OBJECT } from '../harness/payloads.mjs';

const args = childArgs();
const transport = new winston.transports.File({ filename: args.out });
const log = winston.createLogger({
  level: 'info',
  format: winston.format.combine(winston.format.timestamp(), winston.format.splat(), winston.format.json()),
  transports: [transport],
});
const child = log.child(BOUND_FIELDS);

const loops = {
  basic: (n) => { for (let i = 0; i < n; i++) log.info('hello world'); },
  printf: (n) => { for (let i = 0; i < n; i++) log.info('user %s did %d things', 'bob', 42); },
  object: (n) => { for (let i = 0; i < n; i++) log.info('hello world', { userId: 42, event: 'login', ok: true }); },
  deep: (n) => { for (let i = 0; i < n; i++) log.info('hello world', { deep: DEEP_OBJECT }); },
  child: (n) => { for (let i = 0; i < n; i++) child.info('hello world'); },
  disabled: (n) => { for (let i = 0; i < n; i++) log.debug('hello world'); },
};

await measure({
  loop: loops[args.scenario],
  ops: args.ops,
  warmup: args.warmup,
  finish: async () => {
    // Ending the logger while the transport still applies backpressure makes winston emit
    // 'write after end' and drop lines, so first wait until both stream buffers are empty.
    while (log._writableState.length > 0 || log._readableState.length > 0 || transport._writableState.length > 0) {
      await new Promise((resolve) => setImmediate(resolve));
    }
    // The transport's 'finish' fires once its file stream has taken every line.
    const finished = once(transport, 'finish');
    log.end();
    await finished;
  },
});
