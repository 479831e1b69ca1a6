#!/usr/bin/env node
/**
 * rtlog: read Railtracks log files (JSON lines or the text layout) from the newest record
 * back, a page at a time, filtered, pretty-printed; `-f` keeps printing new records.
 * Run `rtlog --help` for the options.
 */
import { stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { compileFilter, readLogs } from '../reader/read-logs.js';
import { follow } from './follow.js';
import { renderEntry } from './pretty.js';

const HELP = `Usage: rtlog <file> [options]
       rtlog serve <file…|folder> [options]   (a web page to browse the logs; rtlog serve --help)

Prints a page of records, oldest of the page at the top and the newest at the bottom.
  -p, --page <n>        page number, 0 = newest (default 0)
  -n, --page-size <n>   records per page (default 50)
      --before <offset> only records starting before this byte offset (the hint
                        after a page gives it, so older pages are not rescanned)
  -l, --level <name>    only this level and above (DEBUG, INFO, WARNING, ERROR, CRITICAL)
      --logger <name>   only this logger and its children (e.g. RT.worker)
      --since <time>    only records at or after this time (e.g. 2026-11-21T14:00:00)
      --until <time>    only records at or before this time
  -f, --follow          keep printing new records as they are written (Ctrl-C to stop)
      --json            print records as JSON objects, one per line
      --fields          show the structured fields of JSON records
      --color / --no-color   force colours on or off (default: on for a terminal)
  -h, --help            show this help
`;

/** Scans longer than this show progress on stderr when stderr is a terminal. */
const PROGRESS_AFTER_BYTES = 32 * 1024 * 1024;

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      allowNegative: true,
      options: {
        page: { type: 'string', short: 'p' },
        'page-size': { type: 'string', short: 'n' },
        before: { type: 'string' },
        level: { type: 'string', short: 'l' },
        logger: { type: 'string' },
        since: { type: 'string' },
        until: { type: 'string' },
        follow: { type: 'boolean', short: 'f' },
        json: { type: 'boolean' },
        fields: { type: 'boolean' },
        color: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    process.stderr.write(`rtlog: ${(err as Error).message}\n\n${HELP}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (positionals.length !== 1) {
    process.stderr.write(`rtlog: give exactly one log file\n\n${HELP}`);
    return 2;
  }
  const file = positionals[0]!;
  const colour = values.color ?? (process.stdout.isTTY === true && process.env.NO_COLOR === undefined);
  const filterOptions = {
    ...(values.level !== undefined ? { level: values.level } : {}),
    ...(values.logger !== undefined ? { logger: values.logger } : {}),
    ...(values.since !== undefined ? { since: values.since } : {}),
    ...(values.until !== undefined ? { until: values.until } : {}),
  };
  const showProgress = process.stderr.isTTY === true;
  const print = (entry: Parameters<typeof renderEntry>[0]) =>
    process.stdout.write(`${values.json ? JSON.stringify(entry) : renderEntry(entry, { colour, fields: values.fields ?? false })}\n`);

  let sizeAtStart: number;
  try {
    sizeAtStart = (await stat(file)).size;
    const page = await readLogs(file, {
      ...filterOptions,
      page: toCount(values.page ?? '0', 'page', 0),
      pageSize: toCount(values['page-size'] ?? '50', 'page-size', 1),
      ...(values.before !== undefined ? { before: toCount(values.before, 'before', 0) } : {}),
      onProgress: (scanned, total) => {
        if (showProgress && scanned > PROGRESS_AFTER_BYTES) process.stderr.write(`\rscanned ${mib(scanned)} of ${mib(total)}…`);
      },
    });
    if (showProgress && sizeAtStart > PROGRESS_AFTER_BYTES) process.stderr.write('\r\x1b[K');
    for (const entry of [...page.records].reverse()) print(entry);
    if (page.hasMore && !values.follow) {
      // --before starts reading where this page ended; --page N would read back through it again.
      process.stderr.write(`-- older records: rtlog ${file} --before ${page.nextBefore} (with the same filters and page size), or --page ${page.page + 1} --\n`);
    }
  } catch (err) {
    process.stderr.write(`rtlog: ${(err as Error).message}\n`);
    return 1;
  }
  if (!values.follow) return 0;
  const accept = compileFilter(filterOptions);
  const stop = new AbortController();
  process.once('SIGINT', () => stop.abort());
  process.once('SIGTERM', () => stop.abort());
  // A line outside any record read here continues the last record: shown only if it was.
  let lastShown = false;
  await follow(file, sizeAtStart, {
    onEntry: (entry) => {
      lastShown = accept(entry);
      if (lastShown) print(entry);
    },
    onOtherLine: (line) => { if (lastShown && !values.json && line !== '') process.stdout.write(`${line}\n`); },
  }, stop.signal);
  return 0;
}

function toCount(text: string, name: string, min: number): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < min) throw new RangeError(`--${name} must be a whole number ≥ ${min}, got '${text}'`);
  return n;
}

function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
}

const args = process.argv.slice(2);
process.exitCode = args[0] === 'serve' ? await (await import('./serve.js')).serve(args.slice(1)) : await main(args);
