import { afterAll, describe, expect, it } from '@jest/globals';
import { SuperJSON } from 'superjson';
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { StampManager, serializedStampChunks, stampJSONChunks } from '../../lib/profiling/index.js';
import { removeTempDirs, tempDir } from '../support/temp-dir.js';

afterAll(removeTempDirs);

function tricky(): StampManager {
  const sm = new StampManager();
  sm.createStamp('Session start');
  const group = sm.stampCreator();
  group('quote " backslash \\ tab \t newline \n');
  sm.stampCreator(); // reserved, never called
  group('naïve ✓ 🚀 \u2028 \u0000 lone \ud800');
  sm.createStamp('constructor');
  group('quote " backslash \\ tab \t newline \n');
  return sm;
}

describe('stamp exports in pieces', () => {
  it('serialize() writes exactly what superjson writes for the same document', () => {
    const sm = tricky();
    const data = sm.toJSON();
    const stepLogs = new Map<number, string[]>();
    for (let s = 0; s < data.step; s++) stepLogs.set(s, [...(data.step_logs[String(s)] ?? [])]);
    const bySuperjson = new SuperJSON().stringify({ format: 'railtracks-stamps', version: 1, step: data.step, stepLogs, stamps: data.stamps });
    expect(sm.serialize()).toBe(bySuperjson);
    // A fresh manager lists the step not yet taken, as Python's does: { 0: [] }.
    expect(new StampManager().serialize()).toBe(new SuperJSON().stringify({ format: 'railtracks-stamps', version: 1, step: 0, stepLogs: new Map([[0, []]]), stamps: [] }));
    expect(StampManager.deserialize(new StampManager().serialize()).stepLogs).toEqual({ 0: [] });
    expect(StampManager.deserialize(sm.serialize()).toJSON()).toEqual(data);
  });

  it('stampJSONChunks, joined, is the text of JSON.stringify(manager)', () => {
    const sm = tricky();
    expect([...stampJSONChunks(sm.toJSON())].join('')).toBe(JSON.stringify(sm));
    expect([...stampJSONChunks(new StampManager().toJSON())].join('')).toBe(JSON.stringify(new StampManager()));
  });

  it('200,000 stamps written to a file in pieces read back whole', () => {
    const sm = new StampManager();
    for (let i = 0; i < 200_000; i++) sm.createStamp(`stamp ${i}`);
    const file = join(tempDir('stamps'), 'stamps.json');
    const fd = openSync(file, 'w');
    let chunks = 0;
    for (const chunk of stampJSONChunks(sm.toJSON())) {
      writeSync(fd, chunk);
      chunks++;
    }
    closeSync(fd);
    expect(chunks).toBeGreaterThan(1);
    const again = StampManager.fromJSON(JSON.parse(readFileSync(file, 'utf8')));
    expect(again.allStamps.length).toBe(200_000);
    expect(again.allStamps[199_999]?.identifier).toBe('stamp 199999');
  });

  it('a text longer than one string can hold: serialize() says so and names the generator; the generator writes it all', () => {
    const sm = new StampManager();
    const identifier = 'x'.repeat(2 ** 24);
    for (let i = 0; i < 33; i++) sm.createStamp(identifier);
    expect(() => sm.serialize()).toThrow(/longer than the 536870888 characters one string can hold; write it in pieces with serializedStampChunks/);
    let total = 0;
    let last = '';
    for (const chunk of serializedStampChunks(sm.toJSON())) {
      total += chunk.length;
      last = chunk;
    }
    expect(total).toBeGreaterThan(2 ** 29);
    expect(last.endsWith(']},"meta":{"values":{"stepLogs":["map"]},"v":1}}')).toBe(true);
  });
});
