import { readdirSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { TimestampedBackups } from '../handlers/timestamped-backups.js';

/**
 * A log file and its rotated backups, newest first: the file itself, then
 * - `RotatingFileHandler`'s numbered backups `app.log.1`, `app.log.2` … (`.1` the newest),
 * - its timestamped backups `app-20261121-140937.log` (`backupNaming: 'timestamped'`),
 * - `TimedRotatingFileHandler`'s `app.log.2026-11-21`, `app.log.2026-11-21_14` …,
 * each family newest first, in that order (a set is written by one handler, so one family is
 * found in practice). The file itself is listed even when it does not exist yet.
 * @example rotatedSet('logs/app.log') // ['logs/app.log', 'logs/app.log.1', 'logs/app.log.2']
 */
export function rotatedSet(file: string): string[] {
  const dir = dirname(file);
  const name = basename(file);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [file];
  }
  const numbered: { n: number; path: string }[] = [];
  const timed: string[] = [];
  const timedSuffix = /^\d{4}-\d{2}-\d{2}(?:_\d{2}(?:-\d{2}(?:-\d{2})?)?)?$/;
  for (const candidate of names) {
    if (!candidate.startsWith(`${name}.`)) continue;
    const suffix = candidate.slice(name.length + 1);
    if (/^[1-9]\d*$/.test(suffix)) numbered.push({ n: Number(suffix), path: join(dir, candidate) });
    else if (timedSuffix.test(suffix)) timed.push(join(dir, candidate));
  }
  numbered.sort((a, b) => a.n - b.n);
  // Python's suffixes sort by time as text: year first, fixed widths.
  timed.sort().reverse();
  const stamped = new TimestampedBackups(file, false).list().reverse();
  return [file, ...numbered.map((b) => b.path), ...stamped, ...timed];
}

/**
 * Where the file itself starts in its rotated set's offsets (which count through the set,
 * oldest backup first): the bytes in its backups now.
 * @example await currentFileBase('logs/app.log') // 0 with no backups
 */
export async function currentFileBase(file: string): Promise<number> {
  let bytes = 0;
  for (const backup of rotatedSet(file).slice(1)) bytes += (await stat(backup).catch(() => undefined))?.size ?? 0;
  return bytes;
}
