import { afterAll, describe, expect, test } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runNode } from '../support/child.js';
import { removeTempDirs, tempDir } from '../support/temp-dir.js';
import { childScript } from './child-scripts.js';

afterAll(removeTempDirs);

describe('onDumpSignal', () => {
  test('a process that sends itself SIGUSR2 writes the state record and file, and keeps running', async () => {
    const dir = tempDir('dump');
    const script = childScript(dir, 'dump.mjs', `
      rt.setConfig(new rt.ExecutorConfig({ loggingSetting: 'REGULAR' }));
      telemetry.counter('jobs_total').add(4);
      const sm = telemetry.trackStampManager(new profiling.StampManager(), 'agent-run');
      sm.createStamp('start'); const g = sm.stampCreator(); g('a'); g('b');
      const recorder = new telemetry.FlightRecorder({ triggerLevel: null, target: ${JSON.stringify(join(dir, 'flight.log'))} });
      telemetry.attachFlightRecorder(recorder);
      rt.getRtLogger('agent').debug('before the dump');
      const dumping = telemetry.onDumpSignal({ file: ${JSON.stringify(join(dir, 'state-{pid}.json'))} });
      await rt.withSession({ loggingSetting: 'NONE', runIdentifier: 'run-5' }, async () => {
        process.kill(process.pid, 'SIGUSR2');
        await new Promise((r) => setTimeout(r, 100));
      });
      dumping.remove();
      console.log('still running');
    `);
    const result = await runNode(script, []);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('still running\n');
    expect(result.stderr).toMatch(/RT\.dump *: WARNING {2}- state dump: 1 scope\(s\), \d+ handler\(s\), 1 metric\(s\), 1 stamp manager\(s\), 1 flight record\(s\)/);
    const [stateFile] = readdirSync(dir).filter((f) => f.startsWith('state-'));
    const state = JSON.parse(readFileSync(join(dir, stateFile!), 'utf8'));
    expect(state.scopes).toEqual([expect.objectContaining({ runId: 'run-5', threshold: 'Level Infinity' })]);
    expect(state.metrics.metrics[0]).toMatchObject({ name: 'jobs_total', series: [{ value: 4 }] });
    expect(state.stamps).toEqual([expect.objectContaining({ name: 'agent-run', steps: 2, stamps: 3 })]);
    expect(state.handlers).toEqual(expect.arrayContaining([expect.objectContaining({ logger: 'RT', handler: 'StreamHandler railtracks-console', level: 'INFO' })]));
    expect(state.flightRecorder).toEqual([expect.stringMatching(/ - DEBUG - RT\.agent - before the dump$/)]);
    expect(readFileSync(join(dir, 'flight.log'), 'utf8')).toContain('dump signal SIGUSR2');
  });

  test('after remove(), the signal has its default action again (SIGUSR2 ends the process)', async () => {
    const dir = tempDir('dump-removed');
    const script = childScript(dir, 'removed.mjs', `
      telemetry.onDumpSignal().remove();
      process.kill(process.pid, 'SIGUSR2');
      setTimeout(() => console.log('survived'), 200);
    `);
    const result = await runNode(script, []);
    expect(result.signal).toBe('SIGUSR2');
    expect(result.stdout).toBe('');
  });

  test("refuses SIGUSR1, Node's inspector signal, with the fix", async () => {
    const { onDumpSignal } = await import('../../lib/telemetry/index.js');
    expect(() => onDumpSignal({ signal: 'SIGUSR1' })).toThrow(/inspector signal; use SIGUSR2/);
  });
});
