import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';

/**
 * Backup names that carry the time of the rollover — `app.log` becomes
 * `app-20251230-154522.log` — and the retention rule "keep the newest K". Two rollovers in the
 * same second get `-1`, `-2`… after the time so that no backup overwrites another.
 * @example
 * const b = new TimestampedBackups('/var/log/app.log', false);
 * b.nameFor(Date.UTC(2025, 11, 30, 15, 45, 22)) // '/var/log/app-20251230-154522.log' (local time)
 */
export class TimestampedBackups {
  readonly dir: string;
  readonly stem: string;
  readonly ext: string;
  readonly utc: boolean;
  readonly #pattern: RegExp;

  constructor(baseFilename: string, utc: boolean) {
    this.dir = dirname(baseFilename);
    const name = basename(baseFilename);
    this.ext = extname(name);
    this.stem = name.slice(0, name.length - this.ext.length);
    this.utc = utc;
    this.#pattern = new RegExp(`^${escapeRegExp(this.stem)}-(\\d{8})-(\\d{6})(?:-(\\d+))?${escapeRegExp(this.ext)}$`);
  }

  /** A free backup path for a rollover at `timeMs`. */
  nameFor(timeMs: number): string {
    const stamp = formatStamp(new Date(timeMs), this.utc);
    let candidate = join(this.dir, `${this.stem}-${stamp}${this.ext}`);
    for (let n = 1; existsSync(candidate); n++) candidate = join(this.dir, `${this.stem}-${stamp}-${n}${this.ext}`);
    return candidate;
  }

  /** Existing backups, oldest first (by time, then by the collision counter). */
  list(): string[] {
    let names: string[];
    try {
      names = readdirSync(this.dir);
    } catch {
      return [];
    }
    const found: { name: string; key: string }[] = [];
    for (const name of names) {
      const m = this.#pattern.exec(name);
      if (m !== null) found.push({ name, key: `${m[1]}${m[2]}${(m[3] ?? '').padStart(6, '0')}` });
    }
    found.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    return found.map((f) => join(this.dir, f.name));
  }

  /** The backups beyond the newest `keep`, which retention deletes. */
  expired(keep: number): string[] {
    const all = this.list();
    return all.slice(0, Math.max(0, all.length - keep));
  }
}

function formatStamp(d: Date, utc: boolean): string {
  const parts = utc
    ? [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()]
    : [d.getFullYear(), d.getMonth() + 1, d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds()];
  const [y, mo, da, h, mi, s] = parts.map((n, i) => String(n).padStart(i === 0 ? 4 : 2, '0'));
  return `${y}${mo}${da}-${h}${mi}${s}`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
