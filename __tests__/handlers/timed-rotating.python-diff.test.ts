import { afterAll, expect, test } from '@jest/globals';
import { runNodeModule } from '../support/child.js';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describeWithPython, runPython } from '../support/python.js';
import { removeTempDirs, tempDir } from '../support/temp-dir.js';

afterAll(removeTempDirs);

/**
 * Local-time rotation across daylight-saving changes, against python3's own
 * TimedRotatingFileHandler: the same records at the same (simulated) instants, in the same time
 * zone, must leave the same files with the same lines, and the same next boundary after each.
 */
interface Scenario {
  name: string;
  when: string;
  interval?: number;
  atTime?: { hour: number; minute: number };
  /** Epoch seconds of each record. */
  times: number[];
}

interface Outcome {
  rolloverAt: number[];
  files: Array<[string, string]>;
}

const HOUR = 3600;

/** Records every `step` seconds for `days` days, starting `before` days before `around`. */
function timesAround(around: number, step: number, days = 9, before = 4): number[] {
  const out: number[] = [];
  for (let t = around - before * 86_400; t < around + (days - before) * 86_400; t += step) out.push(t);
  return out;
}

// Instants near each zone's changes in 2026 (the exact hour does not matter: records run for days).
const SPRING_US = Date.UTC(2026, 2, 8, 12) / 1000;
const FALL_US = Date.UTC(2026, 10, 1, 12) / 1000;
const SPRING_EU = Date.UTC(2026, 2, 29, 12) / 1000;
const FALL_EU = Date.UTC(2026, 9, 25, 12) / 1000;
const FALL_AU = Date.UTC(2026, 3, 5, 12) / 1000; // Sydney leaves DST in April
const SPRING_AU = Date.UTC(2026, 9, 4, 12) / 1000;

function scenarios(spring: number, fall: number): Scenario[] {
  const list: Scenario[] = [];
  for (const [label, around] of [['spring', spring], ['fall', fall]] as const) {
    // Odd steps so records land at many different local times of day.
    list.push({ name: `${label} midnight`, when: 'MIDNIGHT', times: timesAround(around, 7 * HOUR + 13 * 60) });
    list.push({ name: `${label} midnight at 02:30`, when: 'MIDNIGHT', atTime: { hour: 2, minute: 30 }, times: timesAround(around, 5 * HOUR + 17 * 60) });
    list.push({ name: `${label} W6`, when: 'W6', times: timesAround(around, 11 * HOUR + 7 * 60, 22, 11) });
    list.push({ name: `${label} hourly`, when: 'H', times: timesAround(around, 47 * 60, 3, 1) });
    list.push({ name: `${label} daily`, when: 'D', times: timesAround(around, 9 * HOUR + 1, 9, 4) });
  }
  return list;
}

const ORACLE = String.raw`
import json, logging, logging.handlers, os, sys, time, datetime
spec = json.loads(sys.stdin.read())
results = []
clock = [0]
time.time = lambda: clock[0]
for i, s in enumerate(spec['scenarios']):
    d = os.path.join(spec['dir'], 'py%d' % i)
    os.makedirs(d)
    clock[0] = s['times'][0]
    at = datetime.time(s['atTime']['hour'], s['atTime']['minute']) if s.get('atTime') else None
    h = logging.handlers.TimedRotatingFileHandler(os.path.join(d, 'app.log'), when=s['when'],
        interval=s.get('interval', 1), delay=True, atTime=at)
    h.setFormatter(logging.Formatter('%(message)s'))
    log = logging.getLogger('py%d' % i)
    log.propagate = False
    log.setLevel(logging.INFO)
    log.addHandler(h)
    rollover = []
    for n, t in enumerate(s['times']):
        clock[0] = t
        log.info('%d', n)
        rollover.append(h.rolloverAt)
    h.close()
    files = []
    for name in sorted(os.listdir(d)):
        with open(os.path.join(d, name)) as f:
            files.append([name, f.read()])
    results.append({'rolloverAt': rollover, 'files': files})
print(json.dumps(results))
`;

const distDir = fileURLToPath(new URL('../../dist/', import.meta.url));

/** Our side in a child node (a process's time zone is fixed at start), on the built dist/. */
async function oursInZone(tz: string, dir: string, list: Scenario[]): Promise<Outcome[]> {
  if (!existsSync(join(distDir, 'index.js'))) throw new Error('dist/ is missing: run `npm run build` before this test');
  const script = `
    const { Formatter, TimedRotatingFileHandler, getLogger } = await import(${JSON.stringify(pathToFileURL(join(distDir, 'index.js')).href)});
    const { mkdirSync, readdirSync, readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    let input = '';
    for await (const chunk of process.stdin) input += chunk;
    const { dir, scenarios } = JSON.parse(input);
    const results = [];
    scenarios.forEach((s, i) => {
      const d = join(dir, 'ts' + i);
      mkdirSync(d);
      const clock = { now: s.times[0] * 1000 };
      const when = s.when === 'MIDNIGHT' ? 'midnight' : s.when;
      const h = new TimedRotatingFileHandler(join(d, 'app.log'), { when, interval: s.interval, atTime: s.atTime, clock: () => clock.now });
      h.setFormatter(new Formatter('%(message)s'));
      const log = getLogger('ts' + i);
      log.propagate = false;
      log.setLevel('INFO');
      log.addHandler(h);
      const rolloverAt = [];
      s.times.forEach((t, n) => {
        clock.now = t * 1000;
        log.info('%d', n);
        rolloverAt.push(h.rolloverAt);
      });
      h.close();
      const files = readdirSync(d).sort().map((name) => [name, readFileSync(join(d, name), 'utf8')]);
      results.push({ rolloverAt, files });
    });
    process.stdout.write(JSON.stringify(results));`;
  const out = await runNodeModule(script, JSON.stringify({ dir, scenarios: list }), { TZ: tz });
  return JSON.parse(out) as Outcome[];
}

describeWithPython('TimedRotatingFileHandler in local time matches python3 across daylight-saving changes', () => {
  const zones: Array<[string, number, number]> = [
    ['America/New_York', SPRING_US, FALL_US],
    ['Europe/Berlin', SPRING_EU, FALL_EU],
    ['Australia/Sydney', SPRING_AU, FALL_AU],
  ];
  for (const [tz, spring, fall] of zones) {
    test(`same files, lines and boundaries as python3, TZ=${tz}`, async () => {
      const list = scenarios(spring, fall);
      const dir = tempDir('timed-dst');
      mkdirSync(dir, { recursive: true });
      const stdout = await runPython(`import os, time; os.environ['TZ'] = ${JSON.stringify(tz)}; time.tzset()\n${ORACLE}`,
        JSON.stringify({ dir, scenarios: list }));
      const expected = JSON.parse(stdout) as Outcome[];
      const actual = await oursInZone(tz, dir, list);
      list.forEach((s, i) => {
        expect({ scenario: s.name, ...actual[i] }).toEqual({ scenario: s.name, ...expected[i] });
      });
      // The scenarios must actually rotate, or they prove little.
      expect(expected.every((e) => e.files.length > 2)).toBe(true);
    });
  }
});
