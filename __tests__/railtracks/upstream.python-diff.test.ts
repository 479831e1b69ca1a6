/**
 * Upstream Railtracks, scenario by scenario, next to this package. The Python side is a
 * stand-in written from a reading of upstream (support/upstream_railtracks.py) on top of
 * CPython's own `logging`; each test runs the same calls through both and compares the bytes
 * (plain text), the colour of every visible character (coloured text), or the values.
 * Where the two differ on purpose, the test pins both sides of the documented difference.
 */
import { afterAll, afterEach, expect, test } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CONTEXT_FIELD_NAMES, ColorfulFormatter, Formatter, JsonFormatter, LogRecord, StreamHandler, enableLogging, extra, flush, getLogger, getRtLogger, shortLoggerName, withSession } from '../../lib/index.js';
import { recordToDict } from '../../lib/interop/record-dict.js';
import { Stamp, StampManager } from '../../lib/profiling/index.js';
import { MemoryHandler, resetLogging } from '../../lib/testing/index.js';
import { captureStderr } from '../support/capture.js';
import { describeWithPython, runPython } from '../support/python.js';
import { removeTempDirs, tempDir } from '../support/temp-dir.js';

const SUPPORT = resolve('__tests__/support');
const workDir = tempDir('upstream');
afterEach(async () => {
  delete process.env.RT_LOG_LEVEL;
  await resetLogging();
});
afterAll(removeTempDirs);

/** Runs `body` with the stand-in imported as `up` and returns what it printed as JSON. */
async function upstream<T>(body: string): Promise<T> {
  const script = `import sys, json, logging\nsys.path.insert(0, ${JSON.stringify(SUPPORT)})\nimport upstream_railtracks as up\n${body}`;
  return JSON.parse(await runPython(script)) as T;
}

/** Every visible (non-space) character with the foreground colour it is drawn in. */
function colouredCharacters(text: string): string[] {
  const out: string[] = [];
  let colour = 'default';
  const pattern = /\u001b\[(\d+)m|([^\u001b])/gu;
  for (const match of text.matchAll(pattern)) {
    if (match[1] !== undefined) {
      const code = Number(match[1]);
      if (code === 39 || code === 0) colour = 'default';
      else if ((code >= 30 && code <= 37) || (code >= 90 && code <= 97)) colour = String(code);
    } else if (!/\s/u.test(match[2]!)) {
      out.push(`${match[2]}:${colour}`);
    }
  }
  return out;
}

const stripAnsi = (text: string): string => text.replace(/\u001b\[[0-9;]*m/g, '');

const SHORT_NAME_CASES = [
  'RT', 'RT.', 'RT..', 'RT.a.', 'RT.httpClient', 'RT.workerABC', 'RT.HTTP', 'RT.RT', 'RT.élan', 'RT.élan_Vital',
  'RT.Ωmega', 'RT.ΩΩ', 'RT.123', 'RT._', 'RT.2fa', 'RT.1_a2b', 'RT.__init__', 'RT.a.b._session',
  'RT.railtracks._session', 'RT.railtracks.state.state', 'RT.prompt_injection', 'RT.x-y', 'RT. space',
  'RT.caféBar', 'RT.fooÉ', 'RT.xΣ', 'RT.aİb', 'app.db.pool', 'RTX.foo', 'rt.foo', 'railtracks.llm.message', '',
];

const CONSOLE_CASES: Array<[number, string, string, unknown[]]> = [
  [20, 'RT.railtracks._session', 'Node CREATED child', []],
  [10, 'RT', 'x done y', []],
  [30, 'RT', 'warning: Done, failed; created', []],
  [40, 'RT', 'A FAILED', []],
  [50, 'RT', 'crit', []],
  [25, 'RT', 'custom DONE', []],
  [5, 'RT', 'trace', []],
  [35, 'RT.other', 'between %s and %s', ['DONE', 'FAILED']],
  [20, 'RT', "DONE_x xDONE DONE2 DONE. (DONE) 'done' éDONE DONEé ÉDONE Ωdone", []],
  [20, 'RT', 'FAILEDDONE FAILED-DONE CREATED/DONE 日本CREATED éFAILED', []],
  [20, 'RT', 'Ｄone DОNE ٣DONE DONE٣ ⅫDONE', []],
  [20, 'RT', 'DONE\u0301 e\u0301DONE FAİLED faıled', []],
  [20, 'RT.Verylongloggername', 'long names are not cut', []],
];
/** relativeCreated per console case: the usual, and an exact binary tie Python rounds to even. */
const RELATIVE_MS = [1234.567, 62.5];

describeWithPython('upstream Railtracks (python3 stand-in) and this package agree', () => {
  test('short names: str.capitalize of the last segment, ASCII-only strip, names outside RT untouched', async () => {
    const theirs = await upstream<string[]>(`print(json.dumps([up.display_name(n) for n in ${JSON.stringify(SHORT_NAME_CASES)}], ensure_ascii=False))`);
    expect(SHORT_NAME_CASES.map(shortLoggerName)).toEqual(theirs);
    // Upstream strips é as a non-ASCII character: the issue's `RT.Élan` is not what it does.
    expect(shortLoggerName('RT.élan')).toBe('RT.Lan');
  });

  test('console lines: the same plain bytes, and every character in the same colour', async () => {
    const theirs = await upstream<string[]>(`
out = []
for ms in ${JSON.stringify(RELATIVE_MS)}:
    for level, name, msg, args in ${JSON.stringify(CONSOLE_CASES)}:
        record = logging.LogRecord(name, level, "f.py", 1, msg, tuple(args), None)
        record.relativeCreated = ms
        out.append(up.ConsoleFormatter().format(record))
print(json.dumps(out))`);
    const formatter = new ColorfulFormatter({ colour: 1, nameStyle: 'short' });
    const plainFormatter = new ColorfulFormatter({ colour: false, nameStyle: 'short' });
    const ours = RELATIVE_MS.flatMap((ms) => CONSOLE_CASES.map(([level, name, msg, args]) => {
      const record = new LogRecord(name, level, msg, args);
      record.relativeCreated = ms;
      return { coloured: formatter.format(record), plain: plainFormatter.format(record) };
    }));
    expect(ours.map((line) => line.plain)).toEqual(theirs.map(stripAnsi));
    expect(ours.map((line) => colouredCharacters(line.coloured))).toEqual(theirs.map(colouredCharacters));
  });

  test('context ids on every RT record: in text formats, JSON lines and the wire dict; None outside a run', async () => {
    const layout = '[session=%(session_id)s run=%(run_id)s node=%(node_id)s mw=%(middleware_id)s llm=%(llm_type_id)s] %(message)s';
    const theirs = await upstream<{ lines: string[]; dicts: Array<Record<string, unknown>> }>(`
import pickle
rt = logging.getLogger("RT"); rt.setLevel(logging.INFO)
records = []
class Keep(logging.Handler):
    def emit(self, record): records.append(record)
text = logging.Formatter(${JSON.stringify(layout)})
rt.addHandler(Keep())
log = up.get_rt_logger("ctx")
log.info("outside")
log.info("with extra", extra={"session_id": "USER", "user_key": 1})
with up.session("S-1", "R-1"):
    log.info("inside")
import logging.handlers
sock = logging.handlers.SocketHandler("127.0.0.1", 9)
dicts = []
for r in records:
    d = pickle.loads(sock.makePickle(r)[4:])
    dicts.append({k: d[k] for k in up.CONTEXT_KEYS})
print(json.dumps({"lines": [text.format(r) for r in records], "dicts": dicts}))`);
    const rt = getRtLogger();
    rt.setLevel('INFO');
    const kept = new MemoryHandler();
    rt.addHandler(kept);
    const log = getRtLogger('ctx');
    log.info('outside');
    log.info('with extra', extra({ session_id: 'USER', user_key: 1 }));
    await withSession({ loggingSetting: 'NONE', runIdentifier: 'R-1' }, () => log.info('inside'));
    const sessionId = kept.records[2]!.field('session_id') as string;
    const text = new Formatter(layout);
    const lines = kept.records.map((r) => text.format(r).replace(sessionId, 'S-1'));
    expect(lines).toEqual(theirs.lines);
    const json = new JsonFormatter();
    const pick = (source: Record<string, unknown>) => Object.fromEntries(
      CONTEXT_FIELD_NAMES.map((key) => [key, source[key] === sessionId ? 'S-1' : source[key]]));
    const fromJson = kept.records.map((r) => pick(JSON.parse(json.format(r)) as Record<string, unknown>));
    const fromWire = kept.records.map((r) => pick(recordToDict(r, text)));
    expect(fromJson).toEqual(theirs.dicts);
    expect(fromWire).toEqual(theirs.dicts);
    // The caller's own field of the same name is kept in JSON lines, under `extra.`.
    expect(JSON.parse(json.format(kept.records[1]!))).toMatchObject({ session_id: null, 'extra.session_id': 'USER', user_key: 1 });
  });

  test('the logging-error report names the exception and the arguments as CPython prints them', async () => {
    const calls: Array<[string, unknown[]]> = [
      ['hello', ['x']],
      ['v %d', ['x']],
      ['two %s %s', ['one']],
      ['v %(a)s', [{ b: 1 }]],
      ['pct %d%', [3]],
      ['%s %s', [[1, 'a', null]]],
    ];
    const theirs = await upstream<string[][]>(`
import io
out = []
for msg, args in json.loads(${JSON.stringify(JSON.stringify(calls))}):
    err = io.StringIO(); sys.stderr = err
    logger = logging.getLogger("diff.errors"); logger.handlers = []; logger.propagate = False
    logger.addHandler(logging.StreamHandler(io.StringIO()))
    logger.warning(msg, *args)
    sys.stderr = sys.__stderr__
    lines = err.getvalue().splitlines()
    at = lines.index("Call stack:")
    out.append([lines[at - 1], lines[-2], lines[-1]])
print(json.dumps(out))`);
    const ours: string[][] = [];
    for (const [msg, args] of calls) {
      const logger = getLogger('diff.errors');
      logger.handlers = [];
      logger.propagate = false;
      logger.addHandler(new StreamHandler({ write: () => undefined }));
      const lines = (await captureStderr(() => logger.warning(msg, ...args))).trimEnd().split('\n');
      ours.push([lines[1]!, lines[lines.length - 2]!, lines[lines.length - 1]!]);
    }
    expect(ours).toEqual(theirs);
    expect(ours[0]).toEqual(['TypeError: not all arguments converted during string formatting', "Message: 'hello'", "Arguments: ('x',)"]);
  });

  test('stamps: text form, equality and hash as upstream\'s dataclass', async () => {
    const identifiers = ["it's", 'say "hi"', 'both \' "', 'tab\tnl\n', 'élan Ω', 'Node CREATED'];
    const theirs = await upstream<{ texts: string[]; equal: boolean[]; hashes: number }>(`
ids = ${JSON.stringify(identifiers)}
texts = [str(up.Stamp(1.5, 2, i)) for i in ids] + [str(up.Stamp(1, 0, "x"))]
a, b, c = up.Stamp(1.0, 1, "x"), up.Stamp(1, 1, "x"), up.Stamp(1, 1, "x")
equal = [a == b, a == up.Stamp(1, 2, "x"), a == up.Stamp(1, 1, "y"), a == up.Stamp(2, 1, "x")]
print(json.dumps({"texts": texts, "equal": equal, "hashes": len({a, b, c, up.Stamp(2, 1, "x")})}, ensure_ascii=False))`);
    expect([...identifiers.map((i) => String(new Stamp(1.5, 2, i))), String(new Stamp(1, 0, 'x'))]).toEqual(theirs.texts);
    const a = new Stamp(1.0, 1, 'x');
    expect([a.equals(new Stamp(1, 1, 'x')), a.equals(new Stamp(1, 2, 'x')), a.equals(new Stamp(1, 1, 'y')), a.equals(new Stamp(2, 1, 'x'))])
      .toEqual(theirs.equal);
    const keys = new Set([a, new Stamp(1, 1, 'x'), new Stamp(1, 1, 'x'), new Stamp(2, 1, 'x')].map((s) => s.hashKey()));
    expect(keys.size).toBe(theirs.hashes);
    class Sub extends Stamp {}
    expect(a.equals(new Sub(1, 1, 'x'))).toBe(false);
    expect(a.equals({ time: 1, step: 1, identifier: 'x' })).toBe(false);
  });

  test('a StampManager: fresh step logs, a fresh Python manager handed over, and the steps that follow', async () => {
    const theirs = await upstream<{ fresh: unknown; state: unknown; after: unknown; steps: number[] }>(`
fresh = up.StampManager()
state = fresh.state()
resumed = up.StampManager(); resumed.restore(json.loads(json.dumps(state)))
steps = []
creator = resumed.stamp_creator()
steps.append(creator("1").step); steps.append(creator("2").step)
steps.append(resumed.create_stamp("3").step); steps.append(creator("4").step)
later = resumed.stamp_creator()
steps.append(resumed.create_stamp("5").step)
print(json.dumps({"fresh": {str(k): v for k, v in fresh.step_logs.items()}, "state": state,
  "after": {str(k): v for k, v in resumed.step_logs.items()}, "steps": steps}))`);
    expect(new StampManager().stepLogs).toEqual(theirs.fresh);
    expect(new StampManager().toJSON()).toEqual(theirs.state);
    const resumed = StampManager.fromJSON(theirs.state);
    const creator = resumed.stampCreator();
    const steps = [creator('1').step, creator('2').step, resumed.createStamp('3').step, creator('4').step];
    resumed.stampCreator();
    steps.push(resumed.createStamp('5').step);
    expect(steps).toEqual(theirs.steps);
    expect(resumed.stepLogs).toEqual(theirs.after);
  });
});

interface EnableRun {
  console: string[];
  file: string[] | null;
  mine: string[];
}

/** The stand-in's enable_logging in a fresh python3: console (as a pipe sees it), file, an app handler. */
function upstreamEnable(setup: string, file: string): Promise<EnableRun> {
  return upstream<EnableRun>(`
import os
console = up.PlainStream()
up.attach_null_handler()
mine = []
class Mine(logging.Handler):
    def emit(self, record): mine.append(record.levelname + " " + record.getMessage())
path = ${JSON.stringify(file)}
${setup}
log = up.get_rt_logger("railtracks._session")
for level in (10, 20, 30, 40):
    log.log(level, "level %d DONE", level)
for h in logging.getLogger("RT").handlers: h.flush()
lines = console.text.splitlines()
print(json.dumps({"console": lines, "file": open(path).read().splitlines() if os.path.exists(path) else None, "mine": mine}))`);
}

/** The same calls through this package. */
async function ourEnable(setup: (mine: MemoryHandler) => void, file: string): Promise<EnableRun> {
  const mine = new MemoryHandler();
  const text = await captureStderr(() => {
    setup(mine);
    const log = getRtLogger('railtracks._session');
    for (const level of [10, 20, 30, 40]) log.log(level, 'level %d DONE', level);
  });
  await flush();
  return {
    console: text.split('\n').filter((line) => line !== ''),
    file: existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter((line) => line !== '') : null,
    mine: mine.records.map((r) => `${r.levelname} ${r.getMessage()}`),
  };
}

/** The parts of a line that do not depend on the clock; upstream's stray `s` dropped (a documented fix). */
const consoleTail = (line: string): string => line.replace(/^\[\+\d+\.\d{3} *s\]/, '[+T]');
const fileTail = (line: string): string => line.replace(/^\S+ \S+ - \d+\.\d{3} - /, '').replace(/^(\w+)s - /, '$1 - ');

function comparable(run: EnableRun): EnableRun {
  return { console: run.console.map(consoleTail), file: run.file?.map(fileTail) ?? null, mine: run.mine };
}

describeWithPython('enableLogging follows upstream enable_logging', () => {
  test('the level is set on RT: console, file (INFO at most) and an app handler added later see nothing below it', async () => {
    const cases: Array<[string, string]> = [['WARNING', 'w'], ['DEBUG', 'd'], ['INFO', 'i']];
    for (const [level, tag] of cases) {
      const theirsFile = join(workDir, `up-${tag}.log`);
      const oursFile = join(workDir, `ours-${tag}.log`);
      const theirs = await upstreamEnable(`up.enable_logging(${JSON.stringify(level)}, path, stream=console)\nlogging.getLogger("RT").addHandler(Mine())`, theirsFile);
      const ours = await ourEnable((mine) => {
        enableLogging({ level: level as 'INFO', logFile: oursFile, nameStyle: 'short' });
        getRtLogger().addHandler(mine);
      }, oursFile);
      expect(comparable(ours)).toEqual(comparable(theirs));
      // On purpose: no stray `s` after the level name in the file (upstream writes `WARNINGs`).
      expect(theirs.file![0]).toMatch(/^\S+ \S+ - \d+\.\d{3} - [A-Z]+s - RT\.railtracks\._session - /);
      expect(ours.file![0]).toMatch(/^\S+ \S+ - \d+\.\d{3} - [A-Z]+ - RT\.railtracks\._session - /);
      await resetLogging();
    }
  });

  test('an application handler already on RT: only the level changes, no console and no file', async () => {
    const theirsFile = join(workDir, 'up-app.log');
    const oursFile = join(workDir, 'ours-app.log');
    const theirs = await upstreamEnable(`logging.getLogger("RT").addHandler(Mine())\nup.enable_logging("WARNING", path, stream=console)`, theirsFile);
    const ours = await ourEnable((mine) => {
      getRtLogger().addHandler(mine);
      enableLogging({ level: 'WARNING', logFile: oursFile });
    }, oursFile);
    expect(ours).toEqual(theirs);
    expect(ours.file).toBeNull();
    expect(ours.mine).toEqual(['WARNING level 30 DONE', 'ERROR level 40 DONE']);
  });

  test('on purpose: a second call reconfigures (upstream keeps the first call\'s console and only changes the level)', async () => {
    const file = join(workDir, 'unused.log');
    const theirs = await upstreamEnable(`up.enable_logging("DEBUG", stream=console)\nup.enable_logging("WARNING", name_style="full", stream=console)`, file);
    const ours = await ourEnable(() => {
      enableLogging({ level: 'DEBUG', nameStyle: 'short' });
      enableLogging({ level: 'WARNING', nameStyle: 'full' });
    }, file);
    expect(theirs.console.map(consoleTail)).toEqual([
      '[+T] RT.Session  : WARNING  - level 30 DONE', '[+T] RT.Session  : ERROR    - level 40 DONE']);
    expect(ours.console.map(consoleTail)).toEqual([
      '[+T] RT.railtracks._session: WARNING  - level 30 DONE', '[+T] RT.railtracks._session: ERROR    - level 40 DONE']);
  });

  test('on purpose: NONE is accepted and silences console and file (upstream raises ValueError)', async () => {
    const raised = await upstream<string>(`
try:
    up.enable_logging("NONE")
    print(json.dumps("no error"))
except ValueError as e:
    print(json.dumps(str(e)))`);
    expect(raised).toBe("Unknown level: 'NONE'");
    const file = join(workDir, 'none.log');
    const ours = await ourEnable(() => enableLogging({ level: 'NONE', logFile: file }), file);
    expect(ours).toEqual({ console: [], file: null, mine: [] });
  });

  test('on purpose: enableLogging() reads RT_LOG_LEVEL (upstream reads it only for an explicit None level)', async () => {
    const level = await upstream<string>(`
import os
os.environ["RT_LOG_LEVEL"] = "ERROR"
up.enable_logging(stream=up.PlainStream())
print(json.dumps(logging.getLevelName(logging.getLogger("RT").level)))`);
    expect(level).toBe('INFO');
    process.env.RT_LOG_LEVEL = 'ERROR';
    enableLogging();
    expect(getRtLogger().level).toBe(40);
  });

  test('on purpose: no NullHandler on RT, so an unconfigured RT warning still reaches stderr through the last resort', async () => {
    const theirs = await upstream<string>(`
import io
err = io.StringIO(); sys.stderr = err
up.attach_null_handler()
up.get_rt_logger("x").warning("unconfigured warning")
sys.stderr = sys.__stderr__
print(json.dumps(err.getvalue()))`);
    expect(theirs).toBe('');
    const ours = await captureStderr(() => getRtLogger('x').warning('unconfigured warning'));
    expect(ours).toBe('unconfigured warning\n');
  });
});
