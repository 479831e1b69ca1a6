/**
 * A real `rsyslogd` for the syslog suites: Debian's package extracted (no service, no root),
 * run in the foreground with a config of ours — UDP and TCP inputs on 127.0.0.1, NUL as an
 * extra TCP frame delimiter (Python's framing), an optional Unix stream socket input, and one
 * JSON object per received message in a file.
 *
 * Where rsyslog comes from, in order: `RT_RSYSLOG_DIR` (a directory `dpkg -x` filled, set by
 * `.ci/run`), the cache `node_modules/.cache/rt-rsyslog`, an installed `/usr/sbin/rsyslogd`,
 * else `apt-get download` + `dpkg -x` into the cache. When none works the suite fails with the
 * command that fixes it; it never skips.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CACHE = fileURLToPath(new URL('../../node_modules/.cache/rt-rsyslog/', import.meta.url));
const PACKAGES = ['rsyslog', 'libestr0', 'libfastjson4', 'liblognorm5'];
const FIX = 'run .ci/run, or: apt-get update && cd /tmp && apt-get download rsyslog libestr0 libfastjson4 liblognorm5 '
  + '&& for d in *.deb; do dpkg -x "$d" <dir>; done, then set RT_RSYSLOG_DIR=<dir>';

interface Install { daemon: string; modules: string; libs: string }

function fromRoot(root: string): Install | undefined {
  const daemon = join(root, 'usr/sbin/rsyslogd');
  const libs = join(root, 'usr/lib/x86_64-linux-gnu');
  return existsSync(daemon) ? { daemon, modules: join(libs, 'rsyslog'), libs } : undefined;
}

function extractIntoCache(): Install | undefined {
  const debs = join(CACHE, 'debs');
  mkdirSync(debs, { recursive: true });
  const got = spawnSync('apt-get', ['download', ...PACKAGES], { cwd: debs, encoding: 'utf8' });
  if (got.status !== 0) return undefined;
  for (const deb of readdirSync(debs).filter((f) => f.endsWith('.deb'))) {
    spawnSync('dpkg', ['-x', join(debs, deb), join(CACHE, 'root')]);
  }
  return fromRoot(join(CACHE, 'root'));
}

let found: Install | undefined;

/** Where rsyslogd is; throws with the fix when it cannot be found or extracted. */
export function findRsyslog(): Install {
  if (found !== undefined) return found;
  const fromEnv = process.env.RT_RSYSLOG_DIR;
  if (fromEnv !== undefined && fromEnv !== '') {
    found = fromRoot(fromEnv);
    if (found === undefined) throw new Error(`RT_RSYSLOG_DIR=${fromEnv} holds no usr/sbin/rsyslogd; ${FIX}`);
    return found;
  }
  found = fromRoot(join(CACHE, 'root'))
    ?? (existsSync('/usr/sbin/rsyslogd') ? fromRoot('/') : undefined)
    ?? extractIntoCache();
  if (found === undefined) throw new Error(`rsyslogd is needed for the syslog suites and could not be found or extracted; ${FIX}`);
  return found;
}

/** A free TCP port on 127.0.0.1 (rsyslog cannot listen on port 0 and tell us which it got). */
async function freePort(kind: 'tcp' | 'udp'): Promise<number> {
  if (kind === 'udp') {
    const socket = createSocket('udp4');
    await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
    const { port } = socket.address();
    await new Promise<void>((resolve) => socket.close(() => resolve()));
    return port;
  }
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** What rsyslog recorded for one message. */
export interface Received {
  /** The message as received, framing removed (rsyslog's `rawmsg`). */
  raw: string;
  pri: number;
  severity: number;
  facility: number;
  /** rsyslog's parse of the message part, structured data and app name. */
  msg: string;
  sd: string;
  app: string;
  version: string;
  input: string;
}

const TEMPLATE = '{"raw":"%rawmsg:::json%","pri":%pri%,"severity":%syslogseverity%,"facility":%syslogfacility%,'
  + '"msg":"%msg:::json%","sd":"%structured-data:::json%","app":"%app-name:::json%",'
  + '"version":"%protocol-version%","input":"%inputname%"}\n';

export class Rsyslog {
  readonly udpPort: number;
  readonly tcpPort: number;
  readonly socketPath: string | undefined;
  readonly #out: string;
  readonly #child: ChildProcess;
  #stderr = '';

  private constructor(child: ChildProcess, out: string, udpPort: number, tcpPort: number, socketPath: string | undefined) {
    this.#child = child;
    this.#out = out;
    this.udpPort = udpPort;
    this.tcpPort = tcpPort;
    this.socketPath = socketPath;
    child.stderr?.on('data', (chunk: Buffer) => { this.#stderr += chunk.toString(); });
  }

  /** Start rsyslogd in `dir` and wait until its UDP input has delivered a probe message. */
  static async start(dir: string, options: { unixSocket?: boolean } = {}): Promise<Rsyslog> {
    const install = findRsyslog();
    const udpPort = await freePort('udp');
    const tcpPort = await freePort('tcp');
    const out = join(dir, 'received.jsonl');
    const socketPath = options.unixSocket ? join(dir, 'syslog.sock') : undefined;
    const conf = [
      `global(workDirectory="${dir}" parser.escapeControlCharactersOnReceive="off" maxMessageSize="64k")`,
      'module(load="imudp")',
      'module(load="imtcp" AddtlFrameDelimiter="0")',
      ...(socketPath ? ['module(load="imptcp")', `input(type="imptcp" path="${socketPath}" unlink="on" AddtlFrameDelimiter="0" name="unix")`] : []),
      `input(type="imudp" address="127.0.0.1" port="${udpPort}" name="udp")`,
      `input(type="imtcp" address="127.0.0.1" port="${tcpPort}" name="tcp")`,
      `template(name="rtjson" type="string" string=${JSON.stringify(TEMPLATE)})`,
      `action(type="omfile" file="${out}" template="rtjson" flushOnTXEnd="on" asyncWriting="off")`,
    ].join('\n');
    const confFile = join(dir, 'rsyslog.conf');
    writeFileSync(confFile, conf + '\n');
    const child = spawn(install.daemon, ['-n', '-f', confFile, '-i', join(dir, 'rsyslogd.pid'), '-M', install.modules], {
      env: { ...process.env, LD_LIBRARY_PATH: install.libs },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const server = new Rsyslog(child, out, udpPort, tcpPort, socketPath);
    await server.#probe();
    return server;
  }

  /** Sends UDP probes until one is written, so every input is up (they start together). */
  async #probe(): Promise<void> {
    const socket = createSocket('udp4');
    try {
      for (;;) {
        if (this.#child.exitCode !== null) throw new Error(`rsyslogd exited with ${this.#child.exitCode}: ${this.#stderr}`);
        socket.send('<13>rt-probe', this.udpPort, '127.0.0.1');
        await new Promise((resolve) => setTimeout(resolve, 25));
        if (this.#all().some((r) => r.raw === '<13>rt-probe')) break;
      }
      if (this.socketPath !== undefined) while (!existsSync(this.socketPath)) await new Promise((resolve) => setTimeout(resolve, 10));
    } finally {
      socket.close();
    }
  }

  /** Every message received so far, probes excluded. */
  received(): Received[] {
    return this.#all().filter((r) => r.raw !== '<13>rt-probe');
  }

  #all(): Received[] {
    if (!existsSync(this.#out)) return [];
    return readFileSync(this.#out, 'utf8').split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as Received);
  }

  /** Waits (polling the file) until `n` messages have been received, and returns them. */
  async waitFor(n: number, from: (r: Received) => boolean = () => true): Promise<Received[]> {
    for (;;) {
      const got = this.received().filter(from);
      if (got.length >= n) return got;
      if (this.#child.exitCode !== null) throw new Error(`rsyslogd exited with ${this.#child.exitCode}: ${this.#stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  async stop(): Promise<void> {
    if (this.#child.exitCode !== null || this.#child.signalCode !== null) return;
    const done = new Promise((resolve) => this.#child.once('exit', resolve));
    this.#child.kill('SIGTERM');
    await done;
  }
}
