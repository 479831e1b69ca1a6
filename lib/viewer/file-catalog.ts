/**
 * The files a log server may serve, and nothing else. A request names a file by the name this
 * catalog gave it, never by a path: there is no path to traverse. Each name is looked up in a
 * fresh listing and its real path (symlinks resolved) must lie inside a folder the server was
 * given, or be one of the files it was given, so a symlink cannot lead outside.
 */
import { open, readdir, realpath, stat } from 'node:fs/promises';
import { basename, join, sep } from 'node:path';
import { parseLine } from '../reader/parse-entry.js';

/** What a file holds, judged from its first line. */
export type CatalogFormat = 'json' | 'text' | 'stamps' | 'unknown';

/**
 * One servable file.
 * @example (await catalog.list()).map((f) => `${f.name} ${f.size} ${f.format}`);
 */
export interface CatalogFile {
  /** How requests name it (`file=`). */
  name: string;
  size: number;
  /** Last modification, epoch ms. */
  modified: number;
  format: CatalogFormat;
  /** The live file of its rotated set (`app.log` for `app.log.1` and `app-20261121-140000.log`). */
  set: string;
}

/** Raised for a name the catalog does not hold; the server answers 404 and shows no path. */
export class NotServedError extends Error {}

/** Enough of a file's head to tell a stamp JSON from log lines. */
const SNIFF_BYTES = 4096;

/**
 * The files given to a server (`files`) or every regular file directly in `dir`.
 * @example const catalog = await FileCatalog.open({ dir: 'logs' }); await catalog.resolve('run.log');
 */
export class FileCatalog {
  readonly #files: readonly string[];
  readonly #dir: string | undefined;

  private constructor(files: readonly string[], dir: string | undefined) {
    this.#files = files;
    this.#dir = dir;
  }

  /** Check the given paths exist (a clear error otherwise) and fix their real paths now. */
  static async open(options: { files?: readonly string[]; dir?: string }): Promise<FileCatalog> {
    if ((options.files === undefined) === (options.dir === undefined)) {
      throw new TypeError('createLogServer: give either `files` (a list of log files) or `dir` (a folder of them)');
    }
    if (options.dir !== undefined) {
      const dir = await realpath(options.dir).catch(() => undefined);
      if (dir === undefined || !(await stat(dir)).isDirectory()) throw new Error(`createLogServer: dir ${options.dir} is not a folder; give an existing folder of log files`);
      return new FileCatalog([], dir);
    }
    const files: string[] = [];
    for (const file of options.files ?? []) {
      const real = await realpath(file).catch(() => undefined);
      if (real === undefined || !(await stat(real)).isFile()) throw new Error(`createLogServer: ${file} is not a file; give existing log files`);
      files.push(real);
    }
    if (files.length === 0) throw new TypeError('createLogServer: `files` is empty; give at least one log file');
    return new FileCatalog(files, undefined);
  }

  /** Every servable file, rotated sets together (live file first, then backups newest first). */
  async list(): Promise<CatalogFile[]> {
    const found = await this.#entries();
    const files = await Promise.all([...found].map(async ([name, path]) => describe(name, path)));
    const present = files.filter((f): f is CatalogFile => f !== undefined);
    return present.sort((a, b) => a.set.localeCompare(b.set) || Number(b.name === b.set) - Number(a.name === a.set) || b.modified - a.modified || a.name.localeCompare(b.name));
  }

  /** The real path of the file called `name`, or NotServedError. */
  async resolve(name: string): Promise<string> {
    const path = (await this.#entries()).get(name);
    if (path === undefined) throw new NotServedError(`no file named ${JSON.stringify(name)} is served here; GET /api/files lists them`);
    return path;
  }

  /** name → real path, checked on every call: the folder may have changed since. */
  async #entries(): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    if (this.#dir === undefined) {
      for (const file of this.#files) {
        let name = basename(file);
        for (let n = 2; out.has(name); n++) name = `${basename(file)} (${n})`;
        out.set(name, file);
      }
      return out;
    }
    const inside = this.#dir.endsWith(sep) ? this.#dir : this.#dir + sep;
    for (const entry of await readdir(this.#dir, { withFileTypes: true })) {
      if (!entry.isFile() && !entry.isSymbolicLink()) continue;
      const real = await realpath(join(this.#dir, entry.name)).catch(() => undefined);
      // A symlink is served only when it points at a file inside the folder.
      if (real === undefined || !real.startsWith(inside)) continue;
      if (entry.isSymbolicLink() && (await stat(real).catch(() => undefined))?.isFile() !== true) continue;
      out.set(entry.name, real);
    }
    return out;
  }
}

async function describe(name: string, path: string): Promise<CatalogFile | undefined> {
  const st = await stat(path).catch(() => undefined);
  if (st === undefined || !st.isFile()) return undefined;
  return { name, size: st.size, modified: st.mtimeMs, format: await sniffFormat(path), set: rotationSet(name) };
}

/**
 * The live file a backup belongs to: `app.log.3` and `app.log.2026-11-21` (Python's rotating
 * handlers) and `app-20261121-140000.log` / `…-1.log` (timestamped backups) all give `app.log`.
 * @example rotationSet('run.log.2') // 'run.log'
 */
export function rotationSet(name: string): string {
  const numbered = /^(.+?)\.(?:\d+|\d{4}-\d{2}-\d{2}(?:[_T.-][\d-]+)?)$/.exec(name);
  if (numbered !== null) return numbered[1]!;
  const stamped = /^(.+)-\d{8}-\d{6}(?:-\d+)?(\.[^.]*)?$/.exec(name);
  if (stamped !== null) return stamped[1]! + (stamped[2] ?? '');
  return name;
}

/** `stamps` for a saved StampManager JSON, else the format of the first log line. */
export async function sniffFormat(path: string): Promise<CatalogFormat> {
  const handle = await open(path, 'r');
  let head: string;
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    head = buffer.toString('utf8', 0, bytesRead);
  } finally {
    await handle.close();
  }
  const firstLine = head.split('\n', 1)[0]!.replace(/\r$/, '');
  const entry = parseLine(firstLine, 0);
  // Any JSON object parses as a record; a log record has a level or a logger, a stamp file neither.
  if (entry !== undefined && (entry.format === 'text' || entry.logger !== '' || entry.level !== 'NOTSET')) return entry.format;
  if (/^\s*\{/.test(head) && /"(step_logs|stamps)"\s*:/.test(head)) return 'stamps';
  return entry === undefined ? 'unknown' : 'json';
}
