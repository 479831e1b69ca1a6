/**
 * What `npm pack` ships from a fresh clone, installed the way a user installs it: a tarball in a
 * new project, dependencies from the registry (the local cache first), then loaded from ESM and
 * CommonJS and run as a command. Slow (a build and an install), so it runs once per suite.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { removeTempDirs, tempDir } from './support/temp-dir.js';

const repo = fileURLToPath(new URL('..', import.meta.url));
const work = tempDir('pack');
const clone = join(work, 'clone');
const app = join(work, 'app');
const installed = join(app, 'node_modules', 'railtracks-observability');
let tarball = '';
let contents: string[] = [];

const npm = (args: string[], cwd: string) => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

beforeAll(() => {
  // A clone has only what git tracks: no dist/, no node_modules. The build tools come from the
  // checkout's node_modules (a link), so nothing but `prepack` can produce dist/.
  execFileSync('git', ['clone', '--quiet', repo, clone]);
  symlinkSync(join(repo, 'node_modules'), join(clone, 'node_modules'), 'dir');
  const packed = JSON.parse(npm(['pack', '--json', '--pack-destination', work], clone)) as { filename: string; files: { path: string }[] }[];
  tarball = join(work, packed[0]!.filename);
  contents = packed[0]!.files.map((f) => f.path).sort();
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', version: '1.0.0', private: true }));
  npm(['install', '--prefer-offline', '--no-audit', '--no-fund', tarball], app);
}, 240_000);
afterAll(removeTempDirs);

function runIn(file: string, source: string) {
  writeFileSync(join(app, file), source);
  return spawnSync(process.execPath, [file], { cwd: app, encoding: 'utf8' });
}

/** Every relative link target of a markdown file, resolved against the file's folder. */
function relativeLinks(markdownFile: string): string[] {
  const text = readFileSync(markdownFile, 'utf8');
  const targets = [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!.replace(/#.*$/, ''));
  return targets.filter((t) => t !== '' && !/^[a-z]+:/i.test(t)).map((t) => resolve(dirname(markdownFile), t));
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules') return [];
    if (statSync(path).isDirectory()) return markdownFiles(path);
    return name.endsWith('.md') ? [path] : [];
  });
}

describe('npm pack from a fresh clone', () => {
  test('ships the built code, the bin target and the licence, and no source maps or bench data', () => {
    expect(contents).toEqual(expect.arrayContaining(['LICENSE', 'README.md', 'dist/index.js', 'dist/index.d.ts', 'dist/cli/rtlog.js', 'package.json']));
    expect(contents.filter((p) => p.endsWith('.map'))).toEqual([]);
    expect(contents.filter((p) => !/^(dist\/|docs\/|LICENSE$|README\.md$|package\.json$)/.test(p))).toEqual([]);
    expect(contents).not.toContain('docs/benchmarks.json');
    const pkg = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as { license: string; bin: Record<string, string> };
    expect(readFileSync(join(installed, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n/);
    expect(pkg.license).toBe('MIT');
    for (const target of Object.values(pkg.bin)) expect(existsSync(join(installed, target))).toBe(true);
  });

  test('every relative link in the shipped docs resolves inside the package', () => {
    const broken = markdownFiles(installed).flatMap((file) =>
      relativeLinks(file).filter((target) => !existsSync(target)).map((target) => `${relative(installed, file)} -> ${relative(installed, target)}`));
    expect(broken).toEqual([]);
  });

  test('the installed package loads through import', () => {
    const result = runIn('esm.mjs', `
      import { getRtLogger, ExecutorConfig, setConfig } from 'railtracks-observability';
      import { StampManager } from 'railtracks-observability/profiling';
      setConfig(new ExecutorConfig({ loggingSetting: 'REGULAR' }));
      getRtLogger('esm').info('stamps %d', new StampManager().allStamps.length);
    `);
    expect(result.stderr).toMatch(/RT\.esm *: INFO {5}- stamps 0\n$/);
    expect(result.status).toBe(0);
  });

  test('the installed package loads through require()', () => {
    const result = runIn('cjs.cjs', `
      const { getRtLogger, setConfig, ExecutorConfig } = require('railtracks-observability');
      const { readLogs } = require('railtracks-observability/reader');
      setConfig(new ExecutorConfig({ loggingSetting: 'REGULAR' }));
      getRtLogger('cjs').warning('reader is a %s', typeof readLogs);
    `);
    expect(result.stderr).toMatch(/RT\.cjs *: WARNING  - reader is a function\n$/);
    expect(result.status).toBe(0);
  });

  test('npx rtlog --version runs the installed command and names the packed version', () => {
    const { version } = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { version: string };
    const result = spawnSync('npx', ['--no-install', 'rtlog', '--version'], { cwd: app, encoding: 'utf8' });
    expect(result.stdout.trim()).toBe(`rtlog ${version}`);
    expect(result.status).toBe(0);
  });
});
