/**
 * `rtlog report` prints what a run logged (logger names, error messages, tracebacks, stamp
 * names): a run whose records carry terminal sequences is reported with them escaped, as rtlog
 * prints records.
 */
import { afterAll, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runNode } from '../support/child.js';
import { removeTempDirs, tempDir } from '../support/temp-dir.js';
import { childScript } from '../telemetry/child-scripts.js';

const rtlog = fileURLToPath(new URL('../../dist/cli/rtlog.js', import.meta.url));
afterAll(removeTempDirs);

/** C0 except tab and line feed, DEL, C1, bidi controls, line and paragraph separators. */
const RAW_UNSAFE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2028\u2029\u2066-\u2069]/;

test('rtlog report shows a run\'s hostile logger names, messages, tracebacks and stamp names escaped', async () => {
  const dir = tempDir('rtlog-report-escaping');
  const path = join(dir, 'report.json');
  const evil = '\\u001b]0;owned\\u0007\\u001b[2J\\u009b31m\\u202e';
  const script = childScript(dir, 'run.mjs', `
    rt.setConfig(new rt.ExecutorConfig({ loggingSetting: 'NONE' }));
    telemetry.enableRunReport({ path: ${JSON.stringify(path)} });
    const sm = telemetry.trackStampManager(new profiling.StampManager(), 'agent${evil}');
    sm.createStamp('plan${evil}'); sm.createStamp('act');
    const error = new Error('quota${evil}');
    rt.getRtLogger('agent${evil}').exception('tool broke${evil}\\nforged line', error);
  `);
  expect((await runNode(script, [])).code).toBe(0);
  const r = spawnSync(process.execPath, [rtlog, 'report', path, '--no-color'], { encoding: 'utf8' });
  expect(r.status).toBe(0);
  expect(r.stdout).not.toMatch(RAW_UNSAFE);
  expect(r.stdout).toContain('RT.agent\\x1b]0;owned\\x07\\x1b[2J\\x9b31m\\u202e: tool broke\\x1b]0;owned');
  expect(r.stdout).toMatch(/\n {6}forged line\n/);
  expect(r.stdout).toContain('Error: quota\\x1b]0;owned');
});
