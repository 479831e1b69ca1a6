// File handlers: plain, rotating by size (numbered and timestamped), timed, watched,
// per-subsystem files. Run: npm run build && node examples/file-handlers.mjs
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  attachSubsystemFiles, FILE_FORMAT, FileHandler, Formatter, getRtLogger, RotatingFileHandler,
  TimedRotatingFileHandler, WatchedFileHandler,
} from '../dist/index.js';

const dir = mkdtempSync(join(tmpdir(), 'rt-example-files-'));
const log = getRtLogger('example');
log.setLevel('DEBUG');

function use(handler) {
  handler.setFormatter(new Formatter(FILE_FORMAT));
  log.addHandler(handler);
  return handler;
}

// Created on the first record; batched per event-loop turn; flushed on exit and SIGTERM.
const plain = use(new FileHandler(join(dir, 'run.log')));
// app.log -> app.log.1 ... app.log.3 before a record would bring the file to 2 KB.
const sized = use(new RotatingFileHandler(join(dir, 'app.log'), { maxBytes: 2_000, backupCount: 3 }));
// app.log -> app-20251230-154522.log, keeping the newest 2.
const stamped = use(new RotatingFileHandler(join(dir, 'stamped.log'), { maxBytes: 2_000, backupCount: 2, backupNaming: 'timestamped' }));
// Every second here so the example shows a rollover; 'midnight' or 'W0' in real use.
const timed = use(new TimedRotatingFileHandler(join(dir, 'timed.log'), { when: 'S', backupCount: 5 }));
// Reopens the file if logrotate moves it away.
const watched = use(new WatchedFileHandler(join(dir, 'watched.log')));
// logs/RT.worker.log for the worker subsystem only.
const subsystems = attachSubsystemFiles({ dir: join(dir, 'logs'), loggers: ['worker'], maxBytes: 1_000_000, backupCount: 3 });

for (let i = 0; i < 100; i++) log.info('record %d of the example', i);
getRtLogger('worker').warning('only the worker file (and its parents) see this');
await new Promise((resolve) => setTimeout(resolve, 1100));
log.info('a second later: the timed handler rolled over');

for (const handler of [plain, sized, stamped, timed, watched]) handler.close();
subsystems.close();
console.log(`files in ${dir}:`);
console.log(readdirSync(dir).sort().join('\n'));
