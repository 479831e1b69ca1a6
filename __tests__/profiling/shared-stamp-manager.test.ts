import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { transformFile } from '@swc/core';
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { SharedStampManager, type SharedStampHandle } from '../../lib/profiling/index.js';

describe('SharedStampManager in one thread', () => {
  it('follows StampManager semantics: a creator mixed with createStamp gives steps 0, 0, 1, 0', () => {
    const shared = new SharedStampManager({ capacity: 64 });
    const group = shared.stampCreator();
    const made = [group('g1'), group('g2'), shared.createStamp('solo'), group('g3')];
    expect(made.map((s) => s.step)).toEqual([0, 0, 1, 0]);
    expect(shared.stepLogs).toEqual({ 0: ['g1', 'g2', 'g3'], 1: ['solo'] });
    expect(shared.step).toBe(2);
  });

  it('keeps a never-called creator step with an empty log', () => {
    const shared = new SharedStampManager({ capacity: 8 });
    shared.stampCreator();
    shared.createStamp('after');
    expect(shared.stepLogs).toEqual({ 0: [], 1: ['after'] });
  });

  it('stores identifiers as UTF-8 and reads them back intact', () => {
    const shared = new SharedStampManager({ capacity: 8 });
    shared.createStamp('naïve “quotes” ✓ 🚀');
    expect(shared.allStamps[0]?.identifier).toBe('naïve “quotes” ✓ 🚀');
  });

  it('refused claims never move the arena counter: 2^32 refused bytes later, old identifiers are intact and a claim that does not fit is still refused', () => {
    const shared = new SharedStampManager({ capacity: 300, arenaBytes: 64 });
    const first = 'a'.repeat(60);
    shared.createStamp(first);
    // Refused claims adding up to 2^32 - 60 bytes: an adding counter would be back at 0.
    const big = 'x'.repeat(2 ** 24);
    for (let i = 0; i < 255; i++) expect(() => shared.createStamp(big)).toThrow(/identifier arena is full/);
    expect(() => shared.createStamp('x'.repeat(2 ** 24 - 60))).toThrow(/identifier arena is full/);
    expect(() => shared.createStamp('b'.repeat(10))).toThrow(/identifier arena is full/);
    shared.createStamp('fits');
    const identifiers = shared.allStamps.map((s) => s.identifier);
    expect(identifiers).toEqual([first, 'fits']);
  });

  it('sees through a second instance attached to the same handle', () => {
    const shared = new SharedStampManager({ capacity: 8 });
    const other = SharedStampManager.attach(shared.handle);
    shared.createStamp('a');
    expect(other.createStamp('b').step).toBe(1);
    expect(shared.stepLogs).toEqual({ 0: ['a'], 1: ['b'] });
  });

  it('snapshots into a StampManager that round-trips through JSON', () => {
    const shared = new SharedStampManager({ capacity: 8 });
    shared.createStamp('a');
    const sm = shared.snapshot();
    expect(sm.createStamp('local').step).toBe(1);
    expect(JSON.parse(JSON.stringify(shared))).toEqual({ step: 1, step_logs: { '0': ['a'] }, stamps: [expect.objectContaining({ step: 0, identifier: 'a' })] });
  });

  it('says which limit ran out and how to raise it', () => {
    const full = new SharedStampManager({ capacity: 2 });
    full.createStamp('a');
    full.createStamp('b');
    expect(() => full.createStamp('c')).toThrow('SharedStampManager: all 2 record slots are used; create it with a larger { capacity }');
    const tight = new SharedStampManager({ capacity: 8, arenaBytes: 4 });
    tight.createStamp('abc');
    expect(() => tight.createStamp('defg')).toThrow(/4-byte identifier arena is full; create it with a larger \{ arenaBytes \}/);
    expect(tight.stepLogs[0]).toEqual(['abc']);
    expect(() => new SharedStampManager({ capacity: 0 })).toThrow(/capacity must be an integer from 1/);
    expect(() => SharedStampManager.attach({} as SharedStampHandle)).toThrow(/handle.header must be a SharedArrayBuffer/);
  });
});

// Workers cannot load TypeScript, so the library is compiled with swc into a scratch folder
// inside node_modules (where its bare imports such as superjson resolve).
const scratch = path.resolve('node_modules/.cache', `rt-profiling-workers-${process.pid}`);
const WORKER = `
import { parentPort, workerData } from 'node:worker_threads';
import { SharedStampManager } from './lib/profiling/shared-stamp-manager.js';
const { handle, gate, id, groups, rounds, singles } = workerData;
const stamps = SharedStampManager.attach(handle);
// Wait for the main thread's signal so every thread stamps at the same time.
const flag = new Int32Array(gate);
Atomics.add(flag, 1, 1);
Atomics.wait(flag, 0, 0);
const creators = Array.from({ length: groups }, () => stamps.stampCreator());
for (let r = 0; r < rounds; r++) {
  creators.forEach((stamp, g) => stamp('w' + id + ' g' + g + ' r' + r));
  for (let i = 0; i < singles / rounds; i++) stamps.createStamp('w' + id + ' single ' + r + '.' + i);
}
parentPort.postMessage('done');
`;

async function compileLib(dir: string, out: string): Promise<void> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const from = path.join(dir, entry.name);
    const to = path.join(out, entry.name);
    if (entry.isDirectory()) {
      fs.mkdirSync(to, { recursive: true });
      await compileLib(from, to);
    } else if (entry.name.endsWith('.ts')) {
      const { code } = await transformFile(from, { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'es6' } });
      fs.writeFileSync(to.replace(/\.ts$/, '.js'), code);
    }
  }
}

describe('SharedStampManager across real worker threads', () => {
  beforeAll(async () => {
    fs.mkdirSync(path.join(scratch, 'lib'), { recursive: true });
    fs.writeFileSync(path.join(scratch, 'package.json'), '{ "type": "module" }');
    await compileLib(path.resolve('lib'), path.join(scratch, 'lib'));
    fs.writeFileSync(path.join(scratch, 'worker.js'), WORKER);
  });

  afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

  it('four workers and the main thread stamping at once never share or lose a step or a stamp', async () => {
    const shared = new SharedStampManager({ capacity: 10_000 });
    const W = 4, groups = 50, rounds = 5, singles = 250;
    const gate = new SharedArrayBuffer(8);
    const flag = new Int32Array(gate);
    const workers = Array.from({ length: W }, (_, id) =>
      new Promise<void>((resolve, reject) => {
        const worker = new Worker(path.join(scratch, 'worker.js'), { workerData: { handle: shared.handle, gate, id, groups, rounds, singles } });
        worker.once('error', reject);
        worker.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`worker exited with ${code}`))));
      }),
    );
    while (Atomics.load(flag, 1) < W) await new Promise((resolve) => setTimeout(resolve, 5));
    Atomics.store(flag, 0, 1);
    Atomics.notify(flag, 0);
    const mainCreator = shared.stampCreator();
    for (let i = 0; i < 200; i++) {
      shared.createStamp(`main single ${i}`);
      mainCreator(`main group ${i}`);
    }
    await Promise.all(workers);
    // Made after every worker exited, so on one shared clock it is later than all of their stamps.
    const after = shared.createStamp('main after workers');

    const expectedSteps = W * (groups + singles) + 200 + 2;
    expect(shared.step).toBe(expectedSteps);
    const logs = shared.stepLogs;
    expect(Object.keys(logs).map(Number)).toEqual(Array.from({ length: expectedSteps }, (_, i) => i));
    const all = shared.allStamps;
    expect(all).toHaveLength(W * (groups * rounds + singles) + 401);
    expect(Math.max(...all.map((s) => s.time))).toBe(after.time);
    expect(new Set(all.map((s) => s.identifier)).size).toBe(all.length);
    for (const log of Object.values(logs)) {
      const group = /^(w\d+ g\d+) r0$/.exec(log[0] ?? '');
      if (group) {
        // A creator's step holds exactly its own stamps, in the order they were made.
        expect(log).toEqual(Array.from({ length: rounds }, (_, r) => `${group[1]} r${r}`));
      } else if (log[0]?.startsWith('main group')) {
        expect(log).toEqual(Array.from({ length: 200 }, (_, i) => `main group ${i}`));
      } else {
        expect(log).toHaveLength(1);
      }
    }
  });
});
