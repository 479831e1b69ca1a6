// pino with pino-pretty, synchronously, to a null stream: the closest thing pino users have to
// the Railtracks console line. Variant `plain` or `colour`.
import pino from 'pino';
import pretty from 'pino-pretty';
import { CountingNullStream, childArgs, measure } from '../harness/child.mjs';
import { CONSOLE_MESSAGE } from '../harness/payloads.mjs';

const args = childArgs();
const stream = new CountingNullStream();
const log = pino({ level: 'info', name: 'RT.bench' }, pretty({ destination: stream, sync: true, colorize: args.variant === 'colour' }));

await measure({
  loop: (n) => { for (let i = 0; i < n; i++) log.info(CONSOLE_MESSAGE); },
  ops: args.ops,
  warmup: args.warmup,
  extra: () => ({ lines: stream.lines }),
});
