import { parseArgs } from 'node:util';
import type { ReadLogsOptions } from '../reader/read-logs.js';
import { compileFilter } from '../reader/read-logs.js';

export const HELP = `Usage: rtlog <file> [options]
       rtlog report <run-report.json>
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
  -r, --rotated         read the file and its rotated backups (app.log.1 …, or
                        timestamped or dated backups) as one log, newest first
  -f, --follow          keep printing new records as they are written (Ctrl-C to stop)
      --json            print records as JSON objects, one per line
      --fields          show the structured fields of JSON records
      --color / --no-color   force colours on or off (default: on for a terminal,
                        off with NO_COLOR, FORCE_COLOR=0 or TERM=dumb)
  -V, --version         print rtlog's version
  -h, --help            show this help

Exit status: 0 done, 1 the file could not be read, 2 bad usage.
`;

/** What the command line asks for. */
export type RtlogCommand =
  | { kind: 'help' }
  | { kind: 'version' }
  | {
    kind: 'read';
    file: string;
    filter: Pick<ReadLogsOptions, 'level' | 'logger' | 'since' | 'until'>;
    page: number;
    pageSize: number;
    before: number | undefined;
    rotated: boolean;
    follow: boolean;
    json: boolean;
    fields: boolean;
    colour: boolean | undefined;
  };

/** Bad usage: reported with exit status 2. `withHelp` adds the help text (an unknown option, a missing file). */
export class UsageError extends Error {
  readonly withHelp: boolean;
  constructor(message: string, withHelp = false) {
    super(message);
    this.withHelp = withHelp;
  }
}

/**
 * Read rtlog's arguments, checking every value before any file is opened, so that a bad value
 * is bad usage (exit 2), never a read error.
 * @example parseCommand(['run.log', '-n', '20']) // { kind: 'read', file: 'run.log', pageSize: 20, … }
 */
export function parseCommand(argv: string[]): RtlogCommand {
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
        rotated: { type: 'boolean', short: 'r' },
        follow: { type: 'boolean', short: 'f' },
        json: { type: 'boolean' },
        fields: { type: 'boolean' },
        color: { type: 'boolean' },
        version: { type: 'boolean', short: 'V' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    throw new UsageError((err as Error).message, true);
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };
  if (positionals.length !== 1) throw new UsageError('give exactly one log file', true);
  const filter = {
    ...(values.level !== undefined ? { level: values.level } : {}),
    ...(values.logger !== undefined ? { logger: values.logger } : {}),
    ...(values.since !== undefined ? { since: values.since } : {}),
    ...(values.until !== undefined ? { until: values.until } : {}),
  };
  for (const [name, value] of Object.entries(filter)) {
    try {
      compileFilter({ [name]: value });
    } catch (err) {
      throw new UsageError(`--${name}: ${(err as Error).message}`);
    }
  }
  return {
    kind: 'read',
    file: positionals[0]!,
    filter,
    page: toCount(values.page ?? '0', 'page', 0),
    pageSize: toCount(values['page-size'] ?? '50', 'page-size', 1),
    before: values.before === undefined ? undefined : toCount(values.before, 'before', 0),
    rotated: values.rotated ?? false,
    follow: values.follow ?? false,
    json: values.json ?? false,
    fields: values.fields ?? false,
    colour: values.color,
  };
}

function toCount(text: string, name: string, min: number): number {
  const n = Number(text);
  if (text.trim() === '' || !Number.isSafeInteger(n) || n < min) throw new UsageError(`--${name} must be a whole number ≥ ${min}, got '${text}'`);
  return n;
}
