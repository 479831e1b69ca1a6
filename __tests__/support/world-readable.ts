/**
 * A copy of the built package for child processes that run as an unprivileged user (`nobody`):
 * a checkout cloned into a 0700 directory (a `mktemp -d`, root's home) is out of their reach,
 * so they run from a temp folder every user can read.
 */
import { chmodSync, cpSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir } from './temp-dir.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));

/** The package's runtime dependencies and theirs, as installed flat in the checkout. */
function runtimeDependencies(): string[] {
  const found = new Set<string>();
  const visit = (packageJson: string): void => {
    const deps = (JSON.parse(readFileSync(packageJson, 'utf8')) as { dependencies?: Record<string, string> }).dependencies ?? {};
    for (const name of Object.keys(deps)) {
      if (found.has(name)) continue;
      found.add(name);
      visit(join(repo, 'node_modules', name, 'package.json'));
    }
  };
  visit(join(repo, 'package.json'));
  return [...found];
}

function openToEveryone(path: string): void {
  const isDir = statSync(path).isDirectory();
  chmodSync(path, isDir ? 0o755 : 0o644);
  if (isDir) for (const name of readdirSync(path)) openToEveryone(join(path, name));
}

/**
 * Copy `dist/`, `package.json`, the runtime dependencies and `fixtures/` into a world-readable
 * temp folder (removed by `removeTempDirs`) and return it; fixtures there import `../../dist`.
 * @example const script = join(worldReadableRuntime(), 'fixtures/files/log-while-unwritable.mjs');
 */
export function worldReadableRuntime(): string {
  const dir = tempDir('world-readable');
  for (const entry of ['dist', 'package.json', 'fixtures']) cpSync(join(repo, entry), join(dir, entry), { recursive: true });
  for (const name of runtimeDependencies()) {
    cpSync(join(repo, 'node_modules', name), join(dir, 'node_modules', name), { recursive: true, dereference: true });
  }
  openToEveryone(dir);
  return dir;
}
