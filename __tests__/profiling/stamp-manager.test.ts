import { describe, expect, it } from '@jest/globals';
import { StampManager } from '../../lib/profiling/index.js';

const steps = (sm: StampManager) => sm.allStamps.map((s) => s.step);
const ids = (sm: StampManager) => sm.allStamps.map((s) => s.identifier);

describe('StampManager.createStamp', () => {
  it('stamps a single event at step 0 with that step logging it', () => {
    const sm = new StampManager();
    const stamp = sm.createStamp('Session start');
    expect(stamp.step).toBe(0);
    expect(stamp.identifier).toBe('Session start');
    expect(sm.allStamps).toHaveLength(1);
    expect(sm.allStamps[0]?.equals(stamp)).toBe(true);
    expect(sm.stepLogs).toEqual({ 0: ['Session start'] });
    expect(sm.step).toBe(1);
  });

  it('gives each stamp its own step, in order, with non-decreasing times', () => {
    const sm = new StampManager();
    const made = ['a', 'b', 'c', 'd'].map((id) => sm.createStamp(id));
    expect(made.map((s) => s.step)).toEqual([0, 1, 2, 3]);
    expect(sm.stepLogs).toEqual({ 0: ['a'], 1: ['b'], 2: ['c'], 3: ['d'] });
    for (let i = 1; i < made.length; i++) expect(made[i]!.time).toBeGreaterThanOrEqual(made[i - 1]!.time);
  });
});

describe('StampManager.stampCreator', () => {
  it('stamps every call of one creator with the same step, logging them in order', () => {
    const sm = new StampManager();
    const stamp = sm.stampCreator();
    stamp('one');
    stamp('two');
    stamp('three');
    expect(steps(sm)).toEqual([0, 0, 0]);
    expect(ids(sm)).toEqual(['one', 'two', 'three']);
    expect(sm.stepLogs).toEqual({ 0: ['one', 'two', 'three'] });
  });

  it('keeps two interleaved creators on their own steps, so steps 0 and 1 alternate', () => {
    const sm = new StampManager();
    const a = sm.stampCreator();
    const b = sm.stampCreator();
    const made = [a('a1'), b('b1'), a('a2'), b('b2')];
    expect(made.map((s) => s.step)).toEqual([0, 1, 0, 1]);
    expect(sm.stepLogs).toEqual({ 0: ['a1', 'a2'], 1: ['b1', 'b2'] });
    expect(ids(sm)).toEqual(['a1', 'a2', 'b1', 'b2']);
  });

  it('mixes with createStamp: creator at 0, createStamp takes 1, creator stays at 0 (steps 0, 0, 1, 0)', () => {
    const sm = new StampManager();
    const group = sm.stampCreator();
    const made = [group('g1'), group('g2'), sm.createStamp('solo'), group('g3')];
    expect(made.map((s) => s.step)).toEqual([0, 0, 1, 0]);
    expect(sm.stepLogs).toEqual({ 0: ['g1', 'g2', 'g3'], 1: ['solo'] });
    expect(steps(sm)).toEqual([0, 0, 0, 1]);
  });

  it('reserves its step even when never called, leaving an empty log', () => {
    const sm = new StampManager();
    sm.stampCreator();
    const next = sm.createStamp('after');
    expect(next.step).toBe(1);
    expect(sm.stepLogs).toEqual({ 0: [], 1: ['after'] });
    expect(sm.step).toBe(2);
  });
});

describe('StampManager copies', () => {
  it('hands out allStamps and stepLogs that can be mutated without touching the manager', () => {
    const sm = new StampManager();
    const group = sm.stampCreator();
    group('x');
    sm.createStamp('y');
    const logs = sm.stepLogs;
    logs[0]!.push('intruder');
    logs[1] = ['replaced'];
    delete logs[0];
    const stamps = sm.allStamps;
    stamps.pop();
    stamps.reverse();
    expect(sm.stepLogs).toEqual({ 0: ['x'], 1: ['y'] });
    expect(ids(sm)).toEqual(['x', 'y']);
    expect(sm.allStamps).not.toBe(sm.allStamps);
  });

  it('keeps every stamp across many chunks of storage', () => {
    const sm = new StampManager();
    for (let i = 0; i < 10_000; i++) sm.createStamp(`s${i}`);
    const all = sm.allStamps;
    expect(sm.size).toBe(10_000);
    expect(all[9_999]?.identifier).toBe('s9999');
    expect(all.every((s, i) => s.step === i)).toBe(true);
  });
});

describe('StampManager under concurrent async tasks', () => {
  it('gives 5,000 concurrent tasks their own steps with nothing shared or lost', async () => {
    const sm = new StampManager();
    const tasks = Array.from({ length: 5_000 }, async (_, i) => {
      const stamp = sm.stampCreator();
      stamp(`task ${i} start`);
      await new Promise<void>((resolve) => setImmediate(resolve));
      await Promise.resolve();
      stamp(`task ${i} end`);
      return i;
    });
    await Promise.all(tasks);
    const logs = sm.stepLogs;
    expect(Object.keys(logs)).toHaveLength(5_000);
    const seen = new Set<number>();
    for (const [step, log] of Object.entries(logs)) {
      expect(log).toHaveLength(2);
      const task = Number(/^task (\d+) start$/.exec(log[0]!)?.[1]);
      expect(log[1]).toBe(`task ${task} end`);
      seen.add(task);
      expect(Number(step)).toBeLessThan(5_000);
    }
    expect(seen.size).toBe(5_000);
    expect(sm.size).toBe(10_000);
  });

  it('runExclusive keeps a multi-stamp section contiguous across awaits', async () => {
    const sm = new StampManager();
    const section = (name: string) =>
      sm.runExclusive(async () => {
        sm.createStamp(`${name} start`);
        await new Promise<void>((resolve) => setTimeout(resolve, 5));
        sm.createStamp(`${name} end`);
        return name;
      });
    await expect(Promise.all([section('A'), section('B'), section('C')])).resolves.toEqual(['A', 'B', 'C']);
    expect(ids(sm)).toEqual(['A start', 'A end', 'B start', 'B end', 'C start', 'C end']);
  });

  it('without runExclusive the same sections interleave, which is why it exists', async () => {
    const sm = new StampManager();
    const section = async (name: string) => {
      sm.createStamp(`${name} start`);
      await new Promise<void>((resolve) => setTimeout(resolve, 5));
      sm.createStamp(`${name} end`);
    };
    await Promise.all([section('A'), section('B')]);
    expect(ids(sm)).toEqual(['A start', 'B start', 'A end', 'B end']);
  });

  it('runExclusive releases the lock when the section throws', async () => {
    const sm = new StampManager();
    await expect(sm.runExclusive(() => { throw new Error('boom'); })).rejects.toThrow('boom');
    await expect(sm.runExclusive(() => 'next')).resolves.toBe('next');
  });
});
