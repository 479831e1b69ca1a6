import { afterAll, afterEach, describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getRtLogger, Formatter } from '../../lib/index.js';
import { attachFlightRecorder, FlightRecorder } from '../../lib/telemetry/index.js';
import { MemoryHandler, resetLogging } from '../../lib/testing/index.js';
import { runNode } from '../support/child.js';
import { removeTempDirs, tempDir } from '../support/temp-dir.js';
import { childScript } from './child-scripts.js';

afterEach(() => resetLogging());
afterAll(removeTempDirs);

describe('FlightRecorder', () => {
  test('keeps the last N records and writes them oldest first when an ERROR arrives; the ring starts empty again', async () => {
    const target = new MemoryHandler();
    target.setFormatter(new Formatter('%(levelname)s %(message)s'));
    const recorder = new FlightRecorder({ capacity: 3, target });
    const detach = attachFlightRecorder(recorder);
    const log = getRtLogger('fr');
    for (let i = 0; i < 5; i++) log.debug('step %d', i);
    expect(target.lines).toEqual([]);
    log.error('boom');
    expect(target.lines).toEqual(['DEBUG step 3', 'DEBUG step 4', 'ERROR boom']);
    expect(recorder.size).toBe(0);
    expect(recorder.evicted).toBe(3);
    await detach();
  });

  test('sees DEBUG records while a console configured for INFO shows none of them', async () => {
    const { setConfig, ExecutorConfig } = await import('../../lib/index.js');
    setConfig(new ExecutorConfig({ loggingSetting: 'REGULAR' }));
    const recorder = new FlightRecorder({ triggerLevel: null });
    const consoleLike = getRtLogger().handlers[0]!;
    const seenByConsole: string[] = [];
    consoleLike.addFilter((r) => (seenByConsole.push(r.levelname), false));
    const detach = attachFlightRecorder(recorder);
    getRtLogger('x').debug('hidden detail');
    getRtLogger('x').info('shown');
    expect(recorder.records().map((r) => r.msg)).toEqual(['hidden detail', 'shown']);
    expect(seenByConsole).toEqual(['INFO']);
    await detach();
  });

  test('memory is bounded by bytes as well as by count', () => {
    const recorder = new FlightRecorder({ capacity: 1000, maxBytes: 64 * 1024, triggerLevel: null });
    getRtLogger().setLevel('DEBUG');
    getRtLogger().addHandler(recorder);
    const big = 'x'.repeat(4096);
    for (let i = 0; i < 100; i++) getRtLogger().debug('%s %d', big, i);
    expect(recorder.size).toBeGreaterThan(3);
    expect(recorder.size).toBeLessThan(10); // ~8.5 KB each against 64 KB
    expect(recorder.records().at(-1)!.args).toEqual([big, 99]);
  });

  test('a crash writes the last records to the file before the process exits, and the crash still ends it', async () => {
    const dir = tempDir('flight');
    const file = join(dir, 'flight.log');
    const script = childScript(dir, 'crash.mjs', `
      rt.setConfig(new rt.ExecutorConfig({ loggingSetting: 'QUIET' }));
      telemetry.attachFlightRecorder(new telemetry.FlightRecorder({ capacity: 50, target: ${JSON.stringify(file)} }));
      for (let i = 0; i < 100; i++) rt.getRtLogger('agent').debug('thinking %d', i);
      setTimeout(() => { throw new Error('agent crashed'); }, 5);
    `);
    const result = await runNode(script, []);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Error: agent crashed');
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe('--- flight recorder: 50 record(s), crash (uncaughtException): agent crashed ---');
    expect(lines[1]).toMatch(/ - DEBUG - RT\.agent - thinking 50$/);
    expect(lines[50]).toMatch(/ - DEBUG - RT\.agent - thinking 99$/);
    expect(lines.at(-1)).toBe('--- end of flight recorder ---');
  });
});
