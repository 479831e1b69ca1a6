import { afterAll, describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runNode } from '../support/child.js';
import { removeTempDirs, tempDir, readLines } from '../support/temp-dir.js';
import { childScript } from './child-scripts.js';

afterAll(removeTempDirs);

/** A small run: a log file, some records, an error with its exception, then `ending`. */
function run(dir: string, ending: string) {
  return childScript(dir, 'run.mjs', `
    rt.setConfig(new rt.ExecutorConfig({ loggingSetting: 'CRITICAL', logFile: ${JSON.stringify(join(dir, 'run.log'))}, logFileLevel: 'DEBUG' }));
    rt.getRtLogger().setLevel('DEBUG');
    telemetry.enableRunReport({ path: ${JSON.stringify(join(dir, 'report.json'))}, maxErrors: 2 });
    const sm = telemetry.trackStampManager(new profiling.StampManager(), 'run');
    const log = rt.getRtLogger('agent');
    sm.createStamp('start');
    for (let i = 0; i < 5; i++) log.info('step %d', i);
    log.warning('slow');
    log.exception('tool failed', new Error('timeout after 30 s'));
    log.error('second'); log.error('third');
    sm.createStamp('end');
    console.log('ready');
    ${ending}
  `);
}

const ENDINGS: Array<[string, string, { reason: RegExp; code: number | null }, (r: { code: number | null; signal: string | null }) => void]> = [
  ['the loop running dry', '', { reason: /^finished$/, code: 0 }, (r) => expect(r.code).toBe(0)],
  ['process.exit(3)', 'process.exit(3);', { reason: /^process\.exit$/, code: 3 }, (r) => expect(r.code).toBe(3)],
  ['an uncaught exception', "setTimeout(() => { throw new TypeError('bad state'); }, 1);", { reason: /^uncaught exception: TypeError: bad state$/, code: 1 }, (r) => expect(r.code).toBe(1)],
  ['an unhandled rejection', "Promise.reject(new Error('lost promise'));", { reason: /^unhandled rejection: Error: lost promise$/, code: 1 }, (r) => expect(r.code).toBe(1)],
  ['SIGTERM', "setInterval(() => {}, 1000);", { reason: /^signal$/, code: null }, (r) => expect(r.signal).toBe('SIGTERM')],
];

describe('enableRunReport leaves a complete report on every exit path', () => {
  for (const [name, ending, expected, how] of ENDINGS) {
    test(name, async () => {
      const dir = tempDir('report');
      const result = await runNode(run(dir, ending), [], name === 'SIGTERM' ? (child) => child.kill('SIGTERM') : undefined);
      how(result);
      const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
      expect(report.exit.reason).toMatch(expected.reason);
      expect(report.exit.code).toBe(expected.code);
      expect(report.pid).toBeGreaterThan(0);
      expect(Date.parse(report.end)).toBeGreaterThanOrEqual(Date.parse(report.start));
      // Both lifecycle records (start and exit) + 5 info + a warning + 3 errors.
      expect(report.counts.byLevel).toEqual({ INFO: 7, WARNING: 1, ERROR: 3 });
      expect(report.counts.byLogger).toEqual({ 'RT.lifecycle': 2, 'RT.agent': 9 });
      expect(report.errors).toHaveLength(2);
      expect(report.errors[0]).toMatchObject({ logger: 'RT.agent', level: 'ERROR', message: 'tool failed' });
      // As the log file shows it under the record.
      expect(report.errors[0].exception).toMatch(/^Error: timeout after 30 s\n {4}at /);
      expect(readFileSync(join(dir, 'run.log'), 'utf8')).toContain(report.errors[0].exception);
      expect(report.errorsNotKept).toBe(1);
      expect(report.stamps).toEqual([expect.objectContaining({ name: 'run', steps: 2, stamps: 2 })]);
      // The lifecycle records reach the log file too, the exit one last.
      const lines = readLines(join(dir, 'run.log'));
      expect(lines[0]).toMatch(/ - INFO - RT\.lifecycle - start: pid \d+, node v[\d.]+, argv \[.*\], logging CRITICAL, file /);
      expect(lines.at(-1)).toMatch(new RegExp(` - INFO - RT\\.lifecycle - exit: ${expected.reason.source.slice(1, -1)} \\(code ${expected.code ?? 'none'}\\)$`));
    });
  }
});

test('the report carries the resource peaks, also from a monitor stopped before the end', async () => {
  const dir = tempDir('report-peaks');
  const script = childScript(dir, 'peaks.mjs', `
    telemetry.enableRunReport({ path: ${JSON.stringify(join(dir, 'report.json'))}, lifecycle: false });
    const monitor = telemetry.monitorResources({ intervalMs: 60_000 });
    const big = Buffer.alloc(64 * 1024 * 1024, 1); // external memory the peak must see
    monitor.sample();
    await monitor.stop();
    void big;
  `);
  expect((await runNode(script, [])).code).toBe(0);
  const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
  expect(report.resources.samples).toBe(1);
  expect(report.resources.external).toBeGreaterThan(64 * 1024 * 1024);
  expect(report.counts.byLogger).toEqual({});
});
