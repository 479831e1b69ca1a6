import { describe, expect, test } from '@jest/globals';
import { buildTimeline, parseCallStamp, Stamp, StampManager } from '../../lib/profiling/index.js';
import { getRtLogger, instrument } from '../../lib/index.js';
import { MemoryHandler, resetLogging } from '../../lib/testing/index.js';

const at = (time: number, step: number, identifier: string) => new Stamp(1764000000 + time, step, identifier);

describe('timeline lanes name the call, its outcome and which call it was', () => {
  const timeline = buildTimeline({
    allStamps: [
      at(0, 0, 'Session start'),
      at(0.1, 1, 'embed CREATED'), at(0.4, 1, 'embed DONE'),
      at(0.2, 2, 'embed CREATED'), at(0.5, 2, 'embed FAILED: rate limited'),
      at(0.3, 3, 'chunk-A load'), at(0.6, 3, 'chunk-A done'),
      at(0.7, 5, 'store CREATED'), at(0.9, 5, 'store FAILED'),
    ],
    stepLogs: { 0: [], 1: [], 2: [], 3: [], 4: [], 5: [] },
  });
  const lanes = timeline.lanes.map((l) => [l.step, l.label, l.name, l.call, l.outcome, l.reason]);

  test('labels: the instrumented name, numbered when repeated; the common words; step N for a reserved step', () => {
    expect(lanes).toEqual([
      [0, 'Session start', 'Session start', undefined, undefined, undefined],
      [1, 'embed #1', 'embed', 1, 'done', undefined],
      [2, 'embed #2', 'embed', 2, 'failed', 'rate limited'],
      [3, 'chunk-A', 'chunk-A', undefined, undefined, undefined],
      [4, 'step 4', undefined, undefined, undefined, undefined],
      [5, 'store', 'store', undefined, 'failed', undefined],
    ]);
  });

  test('a span takes the outcome of the stamp that ends it', () => {
    const failed = timeline.lanes[2]!.slices.map((s) => [s.identifier, s.outcome, s.last]);
    expect(failed).toEqual([['embed CREATED', 'failed', false], ['embed FAILED: rate limited', 'failed', true]]);
    expect(timeline.lanes[1]!.slices.map((s) => s.outcome)).toEqual(['done', 'done']);
    expect(timeline.lanes[3]!.slices.map((s) => s.outcome)).toEqual([undefined, undefined]);
  });

  test.each([
    ['embed CREATED', { name: 'embed', keyword: 'CREATED', reason: undefined }],
    ['load rows FAILED (TimeoutError)', { name: 'load rows', keyword: 'FAILED', reason: 'TimeoutError' }],
    ['x FAILED - disk full', { name: 'x', keyword: 'FAILED', reason: 'disk full' }],
    ['FAILED', undefined],
    ['nothing DONE yet', undefined],
    ['chunk-A done', undefined],
  ])('parseCallStamp(%j)', (identifier, expected) => {
    expect(parseCallStamp(identifier)).toEqual(expected);
  });

  test('instrument stamps read back as calls: a thrown error makes a failed lane', async () => {
    await resetLogging();
    const memory = new MemoryHandler();
    getRtLogger().addHandler(memory);
    getRtLogger().setLevel('INFO');
    const sm = new StampManager();
    const embed = instrument((fail: boolean) => { if (fail) throw new Error('no'); return 1; }, { name: 'embed', stamps: sm });
    embed(false);
    expect(() => embed(true)).toThrow('no');
    const result = buildTimeline(sm).lanes.map((l) => [l.label, l.outcome]);
    expect(result).toEqual([['embed #1', 'done'], ['embed #2', 'failed']]);
    expect(memory.records.map((r) => r.levelname)).toEqual(['INFO', 'INFO', 'INFO', 'ERROR']);
    await resetLogging();
  });
});
