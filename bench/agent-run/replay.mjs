// Replays a recorded agent run (generate.mjs) through our whole stack at once: the Railtracks
// console line to a null stream, the Railtracks text layout to a file and JSON lines to a
// second file, every record carrying its session ids, and a StampManager taking the stamps.
// The recording is parsed before the clock starts; the figure is the replay, flushed to disk.
//
//   node bench/agent-run/replay.mjs RECORDING OUT_DIR   → one JSON line of figures on stdout
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  ColorfulFormatter, FILE_FORMAT, FileHandler, Formatter, JsonFormatter, RequestCreationAction, RequestFailureAction,
  RequestSuccessAction, StreamHandler, argKwargLoggingStr, getRtLogger, withContext,
} from '../../dist/index.js';
import { StampManager } from '../../dist/profiling/index.js';
import { CountingNullStream } from '../harness/child.mjs';

const [recording, outDir] = process.argv.slice(2);
const events = readFileSync(recording, 'utf8').trimEnd().split('\n').map((line) => JSON.parse(line));

const started = process.hrtime.bigint();
const cpu0 = process.cpuUsage();
const root = getRtLogger();
root.setLevel('DEBUG');
const consoleStream = new CountingNullStream();
const consoleHandler = new StreamHandler(consoleStream);
consoleHandler.setFormatter(new ColorfulFormatter({ colour: false, stream: consoleStream }));
const textPath = join(outDir, 'node-run.log');
const jsonPath = join(outDir, 'node-run.jsonl');
const textHandler = new FileHandler(textPath, { mode: 'w' });
textHandler.setFormatter(new Formatter(FILE_FORMAT));
const jsonHandler = new FileHandler(jsonPath, { mode: 'w' });
jsonHandler.setFormatter(new JsonFormatter());
for (const handler of [consoleHandler, textHandler, jsonHandler]) root.addHandler(handler);
const stamps = new StampManager();
const loggers = new Map();
const loggerFor = (name) => {
  let logger = loggers.get(name);
  if (logger === undefined) loggers.set(name, (logger = name === 'RT' ? root : getRtLogger(name.slice(3))));
  return logger;
};

/** Plays events from `i` until the innermost session closes; returns the index after it. */
function play(i) {
  for (; i < events.length; i++) {
    const ev = events[i];
    switch (ev.e) {
      case 'enter': {
        const session = ev.session;
        i = withContext({ session_id: session }, () => play(i + 1)) - 1;
        break;
      }
      case 'exit':
        return i + 1;
      case 'created':
        root.info(new RequestCreationAction(ev.parent, ev.child, ev.args, ev.kwargs));
        loggerFor('RT.' + ev.child.split('-')[0]).debug('arguments %s', argKwargLoggingStr(ev.args, ev.kwargs));
        break;
      case 'log':
        loggerFor(ev.logger).log(ev.level, ev.msg, ...ev.args);
        break;
      case 'done':
        root.info(new RequestSuccessAction(ev.node, ev.output));
        break;
      case 'failed': {
        const error = new Error(ev.error.message);
        error.name = ev.error.type;
        root.error(new RequestFailureAction(ev.node, error), error);
        break;
      }
      case 'stamp':
        stamps.createStamp(ev.id);
        break;
      case 'group': {
        const stamp = stamps.stampCreator();
        for (const id of ev.ids) stamp(id);
        break;
      }
      default:
        throw new Error(`unknown event ${JSON.stringify(ev)}`);
    }
  }
  return i;
}

play(0);
await Promise.all([textHandler.close(), jsonHandler.close()]);
const ns = Number(process.hrtime.bigint() - started);
const cpu = process.cpuUsage(cpu0);
console.log(JSON.stringify({
  ns,
  cpuNs: (cpu.user + cpu.system) * 1000,
  events: events.length,
  maxRssKiB: process.resourceUsage().maxRSS,
  stamps: stamps.size,
  consoleLines: consoleStream.lines,
  consoleChars: consoleStream.chars,
  textBytes: statSync(textPath).size,
  jsonBytes: statSync(jsonPath).size,
}));
