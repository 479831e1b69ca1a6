import { afterAll, describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runNode } from '../support/child.js';
import { removeTempDirs, tempDir } from '../support/temp-dir.js';
import { childScript } from '../telemetry/child-scripts.js';

const rtlog = fileURLToPath(new URL('../../dist/cli/rtlog.js', import.meta.url));
afterAll(removeTempDirs);

function rtlogReport(args: string[], env: NodeJS.ProcessEnv = {}) {
  return spawnSync(process.execPath, [rtlog, 'report', ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
}

describe('rtlog report', () => {
  test('prints a real run report for people: outcome, counts, errors with their exception, stamps, metrics', async () => {
    const dir = tempDir('rtlog-report');
    const path = join(dir, 'report.json');
    const script = childScript(dir, 'run.mjs', `
      rt.setConfig(new rt.ExecutorConfig({ loggingSetting: 'NONE' }));
      telemetry.enableRunReport({ path: ${JSON.stringify(path)} });
      const sm = telemetry.trackStampManager(new profiling.StampManager(), 'agent');
      sm.createStamp('plan'); sm.createStamp('act');
      const call = rt.instrument(() => 42, { name: 'tool' }); call(); call();
      rt.getRtLogger('agent').exception('tool broke', new Error('quota exceeded'));
    `);
    expect((await runNode(script, [])).code).toBe(0);
    const plain = rtlogReport([path, '--no-color']);
    expect(plain.status).toBe(0);
    const lines = plain.stdout.split('\n');
    expect(lines[0]).toMatch(/^✔ run \d+ finished \(code 0\) after \d+\.\d{3} s {2}/);
    expect(plain.stdout).toMatch(/^records 7 \(INFO 6, ERROR 1\)$/m);
    // instrument logs CREATED and DONE on RT; start and exit go to RT.lifecycle.
    expect(plain.stdout).toMatch(/^ {9}4 {2}RT\n {9}2 {2}RT\.lifecycle\n {9}1 {2}RT\.agent$/m);
    expect(plain.stdout).toMatch(/^ {2}✖ \S+ ERROR RT\.agent: tool broke$/m);
    expect(plain.stdout).toMatch(/^ {6}Error: quota exceeded$/m);
    expect(plain.stdout).toMatch(/^stamps agent 2 steps, 2 stamps over \d+\.\d{3} s$/m);
    expect(plain.stdout).toMatch(/^metrics rt_calls_total\{name=tool,outcome=done\}=2 rt_call_duration_seconds\{name=tool\}\{count=2 sum=\d+(\.\d+)?\}$/m);
    expect(plain.stdout).not.toContain('\u001b[');
    const coloured = rtlogReport([path, '--color']);
    expect(coloured.stdout).toContain('\u001b[');
  });

  test('a file that is not a report exits 1 naming it; bad usage exits 2', () => {
    const dir = tempDir('rtlog-report-bad');
    const notReport = join(dir, 'x.json');
    writeFileSync(notReport, '{"hello": 1}');
    const bad = rtlogReport([notReport]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toBe(`rtlog report: ${notReport} is not a run report (version 1); pass the file written by enableRunReport({ path })\n`);
    expect(rtlogReport([join(dir, 'missing.json')]).stderr).toMatch(/cannot read .*missing\.json: ENOENT/);
    expect(rtlogReport([]).status).toBe(2);
    expect(rtlogReport([notReport, '--loud']).status).toBe(2);
  });
});
