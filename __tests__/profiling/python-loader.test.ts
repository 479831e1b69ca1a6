import { expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { StampManager } from '../../lib/profiling/index.js';
import { describeWithPython, runPython } from '../support/python.js';

const LOADER_DIR = path.resolve('examples/python');
const LOADER = path.join(LOADER_DIR, 'load_stamps.py');

function recorded(): StampManager {
  const sm = new StampManager();
  sm.createStamp('Session start');
  const group = sm.stampCreator();
  group('chunk-A embedded');
  sm.stampCreator(); // reserved, never called
  sm.createStamp('naïve “quotes” ✓');
  group('chunk-B embedded');
  return sm;
}

// Loads our JSON from stdin with the example loader, keeps stamping, and reports what Python sees.
const PROBE = `
import json, sys
sys.path.insert(0, ${JSON.stringify(LOADER_DIR)})
from load_stamps import load_stamp_manager, Stamp
sm = load_stamp_manager(json.load(sys.stdin))
before = [[s.time, s.step, s.identifier] for s in sm.all_stamps]
logs = {str(k): v for k, v in sm.step_logs.items()}
step_attr = sm._step
resumed = sm.create_stamp("resumed in Python")
creator = sm.stamp_creator()
grouped = creator("python group")
print(json.dumps({
  "step_attr": step_attr, "stamps": before, "logs": logs,
  "resumed_step": resumed.step, "grouped_step": grouped.step,
  "sorted_ok": sm.all_stamps == sorted(sm._stamps),
  "stamp_type": type(sm._stamps[0]).__name__,
}))
`;

describeWithPython('the Python loader reads our JSON into a StampManager', () => {
  test('python3 sees the same stamps, logs and next step, and continues the sequence', async () => {
    const sm = recorded();
    const out = JSON.parse(await runPython(PROBE, JSON.stringify(sm))) as Record<string, unknown>;
    expect(out.stamps).toEqual(sm.allStamps.map((s) => [s.time, s.step, s.identifier]));
    expect(out.logs).toEqual(sm.toJSON().step_logs);
    expect(out.step_attr).toBe(4);
    expect(out.resumed_step).toBe(4);
    expect(out.grouped_step).toBe(5);
    expect(out.sorted_ok).toBe(true);
    expect(out.stamp_type).toBe('Stamp');
  });

  test('the loader runs as a script and prints the stamps in step order', () => {
    const sm = recorded();
    const run = spawnSync('python3', [LOADER, '-'], { input: JSON.stringify(sm), encoding: 'utf8', env: { ...process.env, PYTHONIOENCODING: 'utf-8' } });
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines.map((l) => l.trim().split(/\s{2,}/)[2] ?? l)).toEqual([
      'Session start', 'chunk-A embedded', 'chunk-B embedded', 'naïve “quotes” ✓', '4 stamps, next step 4',
    ]);
  });

  test('the loader refuses a negative step with a message naming it', async () => {
    const bad = JSON.stringify({ step: 1, step_logs: { '0': ['a'] }, stamps: [{ time: 1, step: -1, identifier: 'a' }] });
    await expect(runPython(`import json, sys\nsys.path.insert(0, ${JSON.stringify(LOADER_DIR)})\nfrom load_stamps import load_stamp_manager\nload_stamp_manager(json.load(sys.stdin))`, bad))
      .rejects.toThrow(/stamps\[0\]\.step must be a non-negative integer, got -1/);
  });
});
