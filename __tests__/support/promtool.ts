/**
 * Prometheus' own `promtool`, the judge of a metrics exposition. Found in `RT_PROMTOOL`, on
 * PATH, or extracted once from Debian's `prometheus` package into the user's cache folder
 * (`apt-get download` + `dpkg -x`; no install, no service). When none can be had the caller's
 * test fails with this message: CI (.ci/run) prepares it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

const cacheDir = join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'railtracks-observability', 'prometheus');
const cached = join(cacheDir, 'usr/bin/promtool');

export function findPromtool(): string {
  if (process.env.RT_PROMTOOL) return process.env.RT_PROMTOOL;
  const onPath = spawnSync('sh', ['-c', 'command -v promtool'], { encoding: 'utf8' }).stdout.trim();
  if (onPath !== '') return onPath;
  if (existsSync(cached)) return cached;
  mkdirSync(cacheDir, { recursive: true });
  try {
    execFileSync('apt-get', ['download', 'prometheus'], { cwd: cacheDir, stdio: 'pipe' });
    const deb = readdirSync(cacheDir).find((f) => f.startsWith('prometheus_') && f.endsWith('.deb'));
    if (deb === undefined) throw new Error('apt-get download left no prometheus_*.deb');
    execFileSync('dpkg', ['-x', deb, '.'], { cwd: cacheDir, stdio: 'pipe' });
  } catch (err) {
    throw new Error(`promtool is needed to check the Prometheus exposition and could not be had (${(err as Error).message.split('\n')[0]}); `
      + 'install Debian\'s prometheus package, or set RT_PROMTOOL to a promtool binary');
  }
  return cached;
}

/** `promtool check metrics` on `text`: its exit status and what it printed. */
export function checkMetrics(text: string): { status: number | null; output: string } {
  const result = spawnSync(findPromtool(), ['check', 'metrics'], { input: text, encoding: 'utf8' });
  return { status: result.status, output: result.stdout + result.stderr };
}
