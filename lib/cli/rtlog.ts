#!/usr/bin/env node
/**
 * rtlog: read Railtracks log files (JSON lines or the text layout) from the newest record
 * back, a page at a time, filtered, pretty-printed; `-f` keeps printing new records.
 * Run `rtlog --help` for the options.
 */
import { readFileSync } from 'node:fs';
import { SafeJson } from '../formatters/safe-json.js';
import { colourLevelFor } from '../railtracks/colour-support.js';
import type { LogEntry } from '../reader/parse-entry.js';
import { compileFilter, entriesBackward, readLogs } from '../reader/read-logs.js';
import { currentFileBase, rotatedSet } from '../reader/rotated-set.js';
import { follow, wholeLinesEnd } from './follow.js';
import { withTraceback } from './json-traceback.js';
import { renderContinuation, renderEntry } from './pretty.js';
import { reportCommand } from './report.js';
import { HELP, parseCommand, UsageError, type RtlogCommand } from './rtlog-command.js';

/** Scans longer than this show progress on stderr when stderr is a terminal. */
const PROGRESS_AFTER_BYTES = 32 * 1024 * 1024;

async function main(argv: string[]): Promise<number> {
  let command: RtlogCommand;
  try {
    command = parseCommand(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`rtlog: ${err.message}\n${err.withHelp ? `\n${HELP}` : 'Run rtlog --help for the options.\n'}`);
    return 2;
  }
  if (command.kind === 'help') {
    process.stdout.write(HELP);
    return 0;
  }
  if (command.kind === 'version') {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    process.stdout.write(`rtlog ${pkg.version}\n`);
    return 0;
  }
  // `rtlog … | head` closes the pipe early: that is the reader being done, not an error.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
    process.exit(0);
  });
  const { file } = command;
  const colour = command.colour ?? colourLevelFor(process.stdout) > 0;
  const showProgress = process.stderr.isTTY === true;
  const print = (entry: LogEntry) => {
    const shown = command.json || command.fields ? withPrintableFields(entry) : entry;
    process.stdout.write(`${command.json ? JSON.stringify(shown) : renderEntry(withTraceback(shown), { colour, fields: command.fields })}\n`);
  };

  // Following starts after the last whole line now there; the page shows exactly what precedes it.
  let followFrom: number | undefined;
  let lastShown = false;
  let progressShown = false;
  try {
    // In a rotated set, offsets count from its oldest backup: the current file starts after them.
    const base = command.rotated ? await currentFileBase(file) : 0;
    if (command.follow) followFrom = await wholeLinesEnd(file);
    const before = followFrom === undefined ? command.before : Math.min(command.before ?? base + followFrom, base + followFrom);
    const page = await readLogs(file, {
      ...command.filter,
      page: command.page,
      pageSize: command.pageSize,
      rotated: command.rotated,
      ...(before !== undefined ? { before } : {}),
      onProgress: (scanned, total) => {
        if (!showProgress || scanned <= PROGRESS_AFTER_BYTES) return;
        progressShown = true;
        process.stderr.write(`\rscanned ${mib(scanned)} of ${mib(total)}…`);
      },
    });
    if (progressShown) process.stderr.write('\r\x1b[K');
    for (const entry of [...page.records].reverse()) print(entry);
    if (page.hasMore && !command.follow) {
      // --before starts reading where this page ended; --page N would read back through it again.
      process.stderr.write(`-- older records: rtlog ${file}${command.rotated ? ' --rotated' : ''} --before ${page.nextBefore} (with the same filters and page size), or --page ${page.page + 1} --\n`);
    } else if (!page.hasMore && !command.rotated && !command.follow && rotatedSet(file).length > 1) {
      process.stderr.write(`-- older records are in rotated backups: rtlog ${file} --rotated --\n`);
    }
    if (followFrom !== undefined) lastShown = await newestIsShown(file, followFrom, base, page.records[0], command.page === 0 && command.before === undefined);
  } catch (err) {
    process.stderr.write(`rtlog: ${readError(file, err)}\n`);
    return 1;
  }
  if (followFrom === undefined) return 0;
  const accept = compileFilter(command.filter);
  const stop = new AbortController();
  process.once('SIGINT', () => stop.abort());
  process.once('SIGTERM', () => stop.abort());
  // A line outside any record read here continues the last record: shown only if it was.
  await follow(file, followFrom, {
    onEntry: (entry) => {
      lastShown = accept(entry);
      if (lastShown) print(entry);
    },
    onOtherLine: (line) => { if (lastShown && !command.json && line !== '') process.stdout.write(`${renderContinuation(line)}\n`); },
  }, stop.signal);
  return 0;
}

/**
 * Whether the file's newest record (before `end`; at `base` in a rotated set's offsets) is the
 * newest one this page printed: then a traceback line appended under it later belongs to a
 * record the reader has seen.
 */
async function newestIsShown(file: string, end: number, base: number, newestPrinted: LogEntry | undefined, pageIsNewest: boolean): Promise<boolean> {
  if (newestPrinted === undefined || !pageIsNewest) return false;
  for await (const newest of entriesBackward(file, { before: end })) return base + newest.offset === newestPrinted.offset;
  return false;
}

const deepFields = new SafeJson({ maxDepth: 64 });

/**
 * The entry with fields JSON.stringify can print: a file may nest a field deeper than the call
 * stack allows; such fields are printed with everything below 64 levels as "[Object]".
 */
function withPrintableFields(entry: LogEntry): LogEntry {
  try {
    JSON.stringify(entry.fields);
    return entry;
  } catch {
    return { ...entry, fields: JSON.parse(deepFields.stringify(entry.fields)) as Record<string, unknown> };
  }
}

/** A read failure in words that name the path and the cause. */
function readError(file: string, err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  const path = (err as NodeJS.ErrnoException).path ?? file;
  if (code === 'ENOENT') return `cannot read ${path}: no such file`;
  if (code === 'EISDIR') return `cannot read ${path}: it is a directory, not a log file`;
  if (code === 'EACCES' || code === 'EPERM') return `cannot read ${path}: permission denied`;
  return `cannot read ${file}: ${(err as Error).message}`;
}

function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
}

const args = process.argv.slice(2);
process.exitCode = args[0] === 'report' ? await reportCommand(args.slice(1), colourLevelFor(process.stdout) > 0)
  : args[0] === 'serve' ? await (await import('./serve.js')).serve(args.slice(1))
  : await main(args);
