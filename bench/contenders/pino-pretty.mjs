// pino with pino-pretty, synchronously, to a null stream: the closest thing pino users have to
// the Railtracks console line. Variant `plain` or `colour`.
import pino from 'pino';
import { prettyFactory } from 'pino-pretty';
import { CountingNullStream, childArgs, measure } from '../harness/child.mjs';
import { CONSOLE_MESSAGE } from '../harness/payloads.mjs';

const args = childArgs();
const stream = new CountingNullStream();
// pino-pretty's own transport pipes into a Node stream (asynchronously); its formatter, called on
// each line pino writes, is the same prettifying work done synchronously into the null stream.
const prettify = prettyFactory({ colorize: args.variant === 'colour' });
const log = pino({ level: 'info', name: 'RT.bench' }, { write: (line) => stream.write(prettify(line)) });

await measure({
  loop: (n) => { for (let i = 0; i < n; i++) log.info(CONSOLE_MESSAGE); },
  ops: args.ops,
  warmup: args.warmup,
  extra: () => ({ lines: stream.lines }),
});
