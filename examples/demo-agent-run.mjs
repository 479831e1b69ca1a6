// Replays a small agent run: a coordinator creates workers, most finish, one fails.
// Run with `npm run demo`; the console is coloured when your terminal supports it.
// Writes the log file and an HTML timeline of the run's stamps side by side, samples the
// process's resources while it runs, and leaves a run report (print it with `rtlog report`).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ExecutorConfig, RequestCreationAction, RequestFailureAction, RequestSuccessAction, argKwargLoggingStr, instrument, flush, getRtLogger, setConfig } from '../dist/index.js';
import { StampManager, toHtmlTimeline } from '../dist/profiling/index.js';
import { enableRunReport, monitorResources, trackStampManager } from '../dist/telemetry/index.js';

const outDir = resolve(process.env.RT_DEMO_DIR ?? join('demo-output'));
mkdirSync(outDir, { recursive: true });
const logFile = join(outDir, 'agent-run.log');
const timelineFile = join(outDir, 'agent-run.timeline.html');
const reportFile = join(outDir, 'agent-run.report.json');
const stamps = trackStampManager(new StampManager(), 'agent-run');

setConfig(new ExecutorConfig({ loggingSetting: 'VERBOSE', logFile, logFileLevel: 'DEBUG' }));
enableRunReport({ path: reportFile });
const monitor = monitorResources({ intervalMs: 50, file: join(outDir, 'agent-run.resources.jsonl') });
const rt = getRtLogger();
const coordinatorLog = getRtLogger('coordinator');

async function worker(name, input, shouldFail) {
  const log = getRtLogger(`worker.${name.toLowerCase()}`);
  rt.info(new RequestCreationAction('Coordinator', name, [input], { retries: 0 }));
  log.debug('received %s', argKwargLoggingStr([input], { retries: 0 }));
  const stamp = stamps.stampCreator();
  stamp(`${name} started`);
  await sleep(20 + Math.random() * 60);
  stamp(shouldFail ? `${name} failed` : `${name} finished`);
  if (shouldFail) {
    const error = new Error(`could not embed ${input}`, { cause: new RangeError('vector size 0') });
    rt.exception(new RequestFailureAction(name, error));
    return;
  }
  log.debug('produced %d chunks', input.length);
  rt.info(new RequestSuccessAction(name, input.length));
}

stamps.createStamp('Run start');
const plan = instrument(async (n) => {
  await sleep(10);
  coordinatorLog.info('planning run for %d documents', n);
}, { name: 'Planner', logger: coordinatorLog, stamps });
await plan(3);
await Promise.all([
  worker('Chunker', 'doc-a.txt', false),
  worker('Summariser', 'doc-b.txt', false),
  worker('Embedder', 'doc-c.txt', true),
]);
coordinatorLog.warning('1 of %d workers FAILED; continuing with partial results', 3);
rt.info(new RequestSuccessAction('Coordinator', 'partial'));
stamps.createStamp('Run end');

writeFileSync(timelineFile, toHtmlTimeline(stamps, { title: 'Demo agent run' }));
await monitor.stop();
await flush();
process.stderr.write(`\nLog file written to ${logFile}\nTimeline written to ${timelineFile}\n`
  + `Run report written at exit to ${reportFile}: npx rtlog report ${reportFile}\n`);
