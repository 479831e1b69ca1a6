import { describe, expect, it } from '@jest/globals';
import { StampDataError, StampManager } from '../../lib/profiling/index.js';

function sample(): StampManager {
  const sm = new StampManager();
  sm.createStamp('Session start');
  const group = sm.stampCreator();
  group('chunk-A embedded');
  sm.stampCreator(); // reserved, never called
  group('chunk-B embedded');
  sm.createStamp('Session end');
  return sm;
}

const valid = () => JSON.parse(JSON.stringify(sample())) as Record<string, unknown>;

function rejects(input: unknown, message: RegExp | string): void {
  expect(() => StampManager.fromJSON(input)).toThrow(StampDataError);
  expect(() => StampManager.fromJSON(input)).toThrow(message);
}

describe('toJSON', () => {
  it('writes the interchange form { step, step_logs, stamps } with string step keys and sorted stamps', () => {
    const json = sample().toJSON();
    expect(json.step).toBe(4);
    expect(json.step_logs).toEqual({ '0': ['Session start'], '1': ['chunk-A embedded', 'chunk-B embedded'], '2': [], '3': ['Session end'] });
    expect(json.stamps.map((s) => [s.step, s.identifier])).toEqual([
      [0, 'Session start'], [1, 'chunk-A embedded'], [1, 'chunk-B embedded'], [3, 'Session end'],
    ]);
    expect(Object.keys(json.stamps[0]!)).toEqual(['time', 'step', 'identifier']);
  });
});

describe('JSON round trip', () => {
  it('restores stamps and logs exactly and continues the step sequence', () => {
    const original = sample();
    const restored = StampManager.fromJSON(JSON.parse(JSON.stringify(original)));
    expect(restored.stepLogs).toEqual(original.stepLogs);
    expect(restored.allStamps.map((s) => s.encode())).toEqual(original.allStamps.map((s) => s.encode()));
    expect(restored.createStamp('resumed').step).toBe(4);
    const group = restored.stampCreator();
    expect(group('later').step).toBe(5);
    expect(restored.stepLogs[4]).toEqual(['resumed']);
  });

  it('restores a log order that differs from the stamps list order', () => {
    const restored = StampManager.fromJSON({
      step: 1,
      step_logs: { '0': ['second', 'first'] },
      stamps: [{ time: 1, step: 0, identifier: 'first' }, { time: 2, step: 0, identifier: 'second' }],
    });
    expect(restored.stepLogs).toEqual({ 0: ['second', 'first'] });
    expect(restored.allStamps.map((s) => s.identifier)).toEqual(['first', 'second']);
  });

  it('shares nothing with the input object', () => {
    const input = valid();
    const restored = StampManager.fromJSON(input);
    (input.step_logs as Record<string, string[]>)['0']!.push('changed later');
    expect(restored.stepLogs[0]).toEqual(['Session start']);
  });
});

describe('superjson round trip', () => {
  it('serialize/deserialize restores the manager and continues the sequence', () => {
    const original = sample();
    const text = original.serialize();
    expect(JSON.parse(text)).toHaveProperty('meta');
    const restored = StampManager.deserialize(text);
    expect(restored.stepLogs).toEqual(original.stepLogs);
    expect(restored.allStamps.map((s) => s.encode())).toEqual(original.allStamps.map((s) => s.encode()));
    expect(restored.createStamp('resumed').step).toBe(original.step);
  });

  it('rejects text that is not JSON, not superjson, or not a stamp document', () => {
    expect(() => StampManager.deserialize('{oops')).toThrow(/StampManager.deserialize: the text is not JSON/);
    expect(() => StampManager.deserialize('{"a":1}')).toThrow(/not a superjson document/);
    expect(() => StampManager.deserialize('{"json":{"format":"other"}}')).toThrow(/format must be "railtracks-stamps"/);
    expect(() => StampManager.deserialize(42 as unknown as string)).toThrow(/expected the string made by serialize\(\), got 42/);
  });

  it('a document nested 100,000 deep (in json or in meta) is a StampDataError naming the depth, not a stack overflow', () => {
    const depth = 100_000;
    const documents = [
      '['.repeat(depth) + ']'.repeat(depth),
      `{"json":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}`,
      `{"json":{"format":"railtracks-stamps"},"meta":{"values":${'['.repeat(depth)}${']'.repeat(depth)}}}`,
    ];
    for (const text of documents) {
      expect(() => StampManager.deserialize(text)).toThrow(StampDataError);
      expect(() => StampManager.deserialize(text)).toThrow(/nests deeper than 32 levels/);
    }
  });

  it('refuses __proto__ in superjson meta paths and leaves Object.prototype clean', () => {
    const doc = JSON.parse(sample().serialize()) as { meta: { values: Record<string, unknown> } };
    doc.meta.values['__proto__.polluted'] = ['undefined'];
    expect(() => StampManager.deserialize(JSON.stringify(doc))).toThrow(/"__proto__.polluted".*never accepted/);
    const ref = JSON.parse(sample().serialize()) as { meta: Record<string, unknown> };
    ref.meta.referentialEqualities = { stamps: ['constructor.prototype.polluted'] };
    expect(() => StampManager.deserialize(JSON.stringify(ref))).toThrow(/never accepted/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('a fresh Python manager\'s state', () => {
  it('is what a fresh manager writes, is accepted, and stamping carries on as Python would', () => {
    const state = { step: 0, step_logs: { '0': [] }, stamps: [] };
    expect(new StampManager().stepLogs).toEqual({ 0: [] });
    expect(new StampManager().toJSON()).toEqual(state);
    const resumed = StampManager.fromJSON(state);
    const creator = resumed.stampCreator();
    expect([creator('1').step, resumed.createStamp('2').step, creator('3').step]).toEqual([0, 1, 0]);
    expect(resumed.stepLogs).toEqual({ 0: ['1', '3'], 1: ['2'] });
    rejects({ step: 0, step_logs: { '0': ['x'] }, stamps: [] }, 'step_logs has step 0 but step is 0');
  });
});

describe('fromJSON rejects hostile or broken input with a message naming the problem', () => {
  it('rejects non-objects', () => {
    rejects(null, 'StampManager.fromJSON: expected an object { step, step_logs, stamps }, got null');
    rejects([1], /got an array/);
    rejects('text', /got "text"/);
  });

  it('rejects a negative or fractional step', () => {
    rejects({ ...valid(), step: -1 }, 'StampManager.fromJSON: step must be a non-negative integer, got -1');
    rejects({ ...valid(), step: 1.5 }, /step must be a non-negative integer, got 1.5/);
  });

  it('rejects a stamp with a negative step, naming its index', () => {
    const input = valid();
    (input.stamps as Array<Record<string, unknown>>)[3]!.step = -1;
    rejects(input, 'StampManager.fromJSON: stamps[3].step must be a non-negative integer, got -1');
  });

  it('rejects wrong types for time and identifier', () => {
    const badTime = valid();
    (badTime.stamps as Array<Record<string, unknown>>)[1]!.time = 'noon';
    rejects(badTime, /stamps\[1\]\.time must be a finite, non-negative number of epoch seconds, got "noon"/);
    const badId = valid();
    (badId.stamps as Array<Record<string, unknown>>)[0]!.identifier = 7;
    rejects(badId, /stamps\[0\]\.identifier must be a string, got 7/);
  });

  it('rejects a stamp at or beyond the next step', () => {
    rejects({ step: 1, step_logs: { '0': ['a'] }, stamps: [{ time: 1, step: 1, identifier: 'a' }] }, /stamps\[0\]\.step is 1 but step is 1/);
  });

  it('rejects an identifier missing from its step log, and a log entry without a stamp', () => {
    rejects(
      { step: 1, step_logs: { '0': [] }, stamps: [{ time: 1, step: 0, identifier: 'ghost' }] },
      /stamps\[0\]\.identifier "ghost" is not listed in step_logs\["0"\].*add it to that step's log/,
    );
    rejects({ step: 1, step_logs: { '0': ['orphan'] }, stamps: [] }, /step_logs\["0"\] lists "orphan" but no stamp at step 0 carries it/);
  });

  it('rejects a missing step log, a non-integer step key and a non-string log entry', () => {
    rejects({ step: 2, step_logs: { '0': [] }, stamps: [] }, /step_logs has no entry for step 1; every step below 2 needs one \(use \[\]/);
    rejects({ step: 1, step_logs: { '00': [] }, stamps: [] }, /step_logs key "00" is not a step number/);
    rejects({ step: 1, step_logs: { '0': [3] }, stamps: [] }, /step_logs\["0"\]\[0\] must be a string, got 3/);
    rejects({ step: 1, step_logs: { '0': 'a' }, stamps: [] }, /step_logs\["0"\] must be an array of identifiers/);
  });

  it('rejects __proto__, constructor and prototype keys wherever they appear, without polluting', () => {
    rejects(JSON.parse('{"step":0,"step_logs":{},"stamps":[],"__proto__":{"polluted":1}}'), /the input has the key "__proto__", which is never accepted/);
    rejects(JSON.parse('{"step":0,"step_logs":{"__proto__":[]},"stamps":[]}'), /step_logs has the key "__proto__"/);
    rejects(JSON.parse('{"step":1,"step_logs":{"0":["a"]},"stamps":[{"time":1,"step":0,"identifier":"a","constructor":{}}]}'), /stamps\[0\] has the key "constructor"/);
    rejects({ step: 0, step_logs: {}, stamps: [], prototype: {} }, /has the key "prototype"/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('rejects unexpected keys, listing the allowed ones', () => {
    rejects({ ...valid(), extra: 1 }, /unexpected key "extra"; the allowed keys are step, step_logs, stamps/);
  });

  it('rejects objects that are not plain (class instances, Maps)', () => {
    rejects({ step: 0, step_logs: new Map(), stamps: [] }, /step_logs must be an object/);
  });

  it('accepts identifiers that happen to read like dangerous keys, since they are data', () => {
    const restored = StampManager.fromJSON({ step: 1, step_logs: { '0': ['constructor'] }, stamps: [{ time: 1, step: 0, identifier: 'constructor' }] });
    expect(restored.stepLogs[0]).toEqual(['constructor']);
  });

  it('never hands back a half-restored manager: the call throws before building anything', () => {
    let result: StampManager | undefined;
    const input = valid();
    (input.stamps as Array<Record<string, unknown>>)[3]!.identifier = 'not in the log';
    try {
      result = StampManager.fromJSON(input);
    } catch (error) {
      expect(error).toBeInstanceOf(StampDataError);
      expect((error as Error).name).toBe('StampDataError');
    }
    expect(result).toBeUndefined();
  });
});
