// LogTape 2 with its file sink (@logtape/file) writing JSON lines: variant `buffered` uses the
// sink's default buffer, `sync` flushes every record (bufferSize 0).
import { configure, dispose, getLogger, jsonLinesFormatter } from '@logtape/logtape';
import { getFileSink } from '@logtape/file';
import { childArgs, measure } from '../harness/child.mjs';
import { BOUND_FIELDS, DEEP_OBJECT } from '../harness/payloads.mjs';

const args = childArgs();
await configure({
  sinks: { file: getFileSink(args.out, { formatter: jsonLinesFormatter, ...(args.variant === 'sync' ? { bufferSize: 0 } : {}) }) },
  loggers: [
    { category: 'bench', lowestLevel: 'info', sinks: ['file'] },
    // LogTape reports on its own 'logtape' category; keep it quiet without a sink.
    { category: ['logtape', 'meta'], lowestLevel: 'warning', sinks: [] },
  ],
});
const log = getLogger('bench');
const child = log.with(BOUND_FIELDS);

// LogTape's templates name their values: {user} and {n} are read from the properties object.
const loops = {
  basic: (n) => { for (let i = 0; i < n; i++) log.info('hello world'); },
  printf: (n) => { for (let i = 0; i < n; i++) log.info('user {user} did {n} things', { user: 'bob', n: 42 }); },
  object: (n) => { for (let i = 0; i < n; i++) log.info('hello world', { userId: 42, event: 'login', ok: true }); },
  deep: (n) => { for (let i = 0; i < n; i++) log.info('hello world', { deep: DEEP_OBJECT }); },
  child: (n) => { for (let i = 0; i < n; i++) child.info('hello world'); },
  disabled: (n) => { for (let i = 0; i < n; i++) log.debug('hello world'); },
};

await measure({
  loop: loops[args.scenario],
  ops: args.ops,
  warmup: args.warmup,
  finish: async () => { await dispose(); },
});
