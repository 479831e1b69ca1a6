import { afterAll, describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runNode } from '../support/child.js';
import { removeTempDirs, tempDir } from '../support/temp-dir.js';
import { childScript } from './child-scripts.js';

afterAll(removeTempDirs);
const MIB = 1024 * 1024;

describe('monitorResources in a real process', () => {
  test('samples are plausible: RSS matches /proc/self/status, event-loop delay rises when the loop is blocked', async () => {
    const dir = tempDir('resources');
    const file = join(dir, 'run.resources.jsonl');
    const script = childScript(dir, 'monitor.mjs', `
      import { readFileSync } from 'node:fs';
      const monitor = telemetry.monitorResources({ intervalMs: 60_000, file: ${JSON.stringify(file)} });
      await new Promise((r) => setTimeout(r, 200));
      const idle = monitor.sample();
      const vmRss = Number(/VmRSS:\\s+(\\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))[1]) * 1024;
      // Block the loop for ~300 ms in a few timer turns.
      for (let i = 0; i < 3; i++) await new Promise((r) => setTimeout(() => { const end = Date.now() + 100; while (Date.now() < end); r(); }, 20));
      const blocked = monitor.sample();
      await monitor.stop();
      console.log(JSON.stringify({ idle, blocked, vmRss, peaks: monitor.peaks }));
    `);
    const result = await runNode(script, []);
    expect(result.stderr).toBe('');
    const { idle, blocked, vmRss, peaks } = JSON.parse(result.stdout);
    expect(Math.abs(idle.memory.rss - vmRss)).toBeLessThan(8 * MIB);
    expect(Math.abs(idle.status.vmRss - vmRss)).toBeLessThan(8 * MIB);
    expect(idle.eventLoop.delayMaxMs).toBeLessThan(50);
    expect(blocked.eventLoop.delayMaxMs).toBeGreaterThan(80);
    expect(blocked.eventLoop.utilization).toBeGreaterThan(idle.eventLoop.utilization);
    expect(blocked.cpu.userPercent + blocked.cpu.systemPercent).toBeGreaterThan(20);
    expect(idle.io.rchar).toBeGreaterThan(0);
    expect(peaks).toMatchObject({ samples: 2, eventLoopDelayMaxMs: blocked.eventLoop.delayMaxMs });
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.time)).toEqual([idle.time, blocked.time]);
  });

  test('its timer never keeps the process alive, and samples reach the RT tree as DEBUG records', async () => {
    const dir = tempDir('resources-exit');
    const script = childScript(dir, 'alive.mjs', `
      rt.setConfig(new rt.ExecutorConfig({ loggingSetting: 'VERBOSE' }));
      telemetry.monitorResources({ intervalMs: 50 });
      setTimeout(() => console.log('done'), 180); // the only thing that keeps the loop busy
    `);
    const result = await runNode(script, []);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('done\n');
    expect(result.stderr).toMatch(/RT\.resources: DEBUG {4}- cpu [\d.]+% rss [\d.]+ MiB heap [\d.]+\/[\d.]+ MiB loop p99 [\d.]+ ms/);
  });
});
