// Replays a small agent run: a coordinator creates workers, most finish, one fails.
// Run with `npm run demo`; the console is coloured when your terminal supports it.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  ExecutorConfig,
  RequestCreationAction,
  RequestFailureAction,
  RequestSuccessAction,
  argKwargLoggingStr,
  flush,
  getRtLogger,
  setConfig,
} from '../dist/index.js';

const outDir = resolve(process.env.RT_DEMO_DIR ?? join('demo-output'));
mkdirSync(outDir, { recursive: true });
const logFile = join(outDir, 'agent-run.log');

setConfig(new ExecutorConfig({ loggingSetting: 'VERBOSE', logFile, logFileLevel: 'DEBUG' }));
const rt = getRtLogger();
const coordinatorLog = getRtLogger('coordinator');

async function worker(name, input, shouldFail) {
  const log = getRtLogger(`worker.${name.toLowerCase()}`);
  rt.info(new RequestCreationAction('Coordinator', name, [input], { retries: 0 }));
  log.debug('received %s', argKwargLoggingStr([input], { retries: 0 }));
  await sleep(20 + Math.random() * 60);
  if (shouldFail) {
    const error = new Error(`could not embed ${input}`, { cause: new RangeError('vector size 0') });
    rt.exception(new RequestFailureAction(name, error));
    return;
  }
  log.debug('produced %d chunks', input.length);
  rt.info(new RequestSuccessAction(name, input.length));
}

coordinatorLog.info('planning run for %d documents', 3);
await Promise.all([
  worker('Chunker', 'doc-a.txt', false),
  worker('Summariser', 'doc-b.txt', false),
  worker('Embedder', 'doc-c.txt', true),
]);
coordinatorLog.warning('1 of %d workers FAILED; continuing with partial results', 3);
rt.info(new RequestSuccessAction('Coordinator', 'partial'));

await flush();
process.stderr.write(`\nLog file written to ${logFile}\n`);
