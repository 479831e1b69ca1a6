/**
 * `rtlog serve <files…|dir>`: the log viewer on the command line. Prints the address (with the
 * token when there is one) and serves until Ctrl-C.
 */
import { stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { createLogServer } from '../viewer/log-server.js';

const HELP = `Usage: rtlog serve <file…|folder> [options]

Serves a web page and a read-only JSON API to browse, filter and live-tail the log files (and
show saved stamp JSON files as timelines). Give log files, or one folder to serve every file in it.
      --host <addr>     address to listen on (default 127.0.0.1); any other needs a token
      --port <n>        port (default 8340; 0 picks a free one)
      --token <text>    require this token on every request (made up and printed when
                        --host is not a loopback address and none is given)
  -h, --help            show this help
`;

/**
 * Run `rtlog serve` with the arguments after `serve`; resolves with the exit code once stopped.
 * @example process.exitCode = await serve(['logs/']);
 */
export async function serve(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { host: { type: 'string' }, port: { type: 'string' }, token: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (err) {
    process.stderr.write(`rtlog serve: ${(err as Error).message}\n\n${HELP}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const port = Number(values.port ?? '8340');
  if (positionals.length === 0 || !Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`rtlog serve: give log files or one folder${values.port !== undefined ? ', and --port as a number 0–65535' : ''}\n\n${HELP}`);
    return 2;
  }
  let viewer;
  try {
    const only = positionals.length === 1 ? await stat(positionals[0]!).catch(() => undefined) : undefined;
    const what = only?.isDirectory() === true ? { dir: positionals[0]! } : { files: positionals };
    viewer = await createLogServer({
      ...what,
      port,
      ...(values.host !== undefined ? { host: values.host } : {}),
      ...(values.token !== undefined ? { token: values.token } : {}),
    });
  } catch (err) {
    process.stderr.write(`rtlog serve: ${(err as Error).message}\n`);
    return 1;
  }
  process.stdout.write(`Serving logs at ${viewer.url}\n${viewer.token !== undefined && values.token === undefined ? 'A token was made up for this run; the address above carries it.\n' : ''}Ctrl-C to stop.\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await viewer.close();
  return 0;
}
