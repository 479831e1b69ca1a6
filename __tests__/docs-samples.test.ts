/**
 * Every js/ts sample in README.md and docs/**\/*.md runs against the built package and prints
 * what the docs say it prints (conventions in ./support/doc-samples.ts); every ts sample
 * type-checks against the package's published types.
 */
import { afterAll, describe, expect, test } from '@jest/globals';
import { transformSync } from '@swc/core';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { docSamples, normaliseOutput, outputMatches, type DocSample } from './support/doc-samples.js';
import { removeTempDirs, tempDir } from './support/temp-dir.js';

const repo = fileURLToPath(new URL('..', import.meta.url));
const consumer = tempDir('doc-samples');
afterAll(removeTempDirs);
mkdirSync(join(consumer, 'node_modules'));
symlinkSync(repo, join(consumer, 'node_modules', 'railtracks-observability'), 'dir');

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return markdownFiles(path);
    return name.endsWith('.md') ? [path] : [];
  });
}

const samples = [join(repo, 'README.md'), ...markdownFiles(join(repo, 'docs'))].flatMap((file) => docSamples(file, relative(repo, file)));
const runnable = samples.filter((s) => s.skip === undefined);
const label = (s: DocSample) => `${s.file}:${s.line}`;

/** A folder of its own for each sample, under the consumer project that resolves the package. */
function prepare(sample: DocSample): { cwd: string } {
  const cwd = join(consumer, `${sample.file.replace(/[/.]/g, '_')}_${sample.line}`);
  mkdirSync(cwd, { recursive: true });
  for (const { to, from } of sample.files) {
    mkdirSync(dirname(join(cwd, to)), { recursive: true });
    copyFileSync(join(repo, from), join(cwd, to));
  }
  const code = sample.lang === 'ts'
    ? transformSync(sample.code, { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'es6' } }).code
    : sample.code;
  const script = join(cwd, 'sample.mjs');
  writeFileSync(script, code);
  return { cwd };
}

describe('docs samples', () => {
  test('every sample that is not run says why', () => {
    expect(samples.filter((s) => s.skip !== undefined && s.skip.trim() === '').map(label)).toEqual([]);
    expect(runnable.length).toBeGreaterThan(40);
  });

  test.each(runnable.map((s) => [label(s), s] as const))('%s runs and prints what the docs show', (_name, sample) => {
    const { cwd } = prepare(sample);
    // One pipe for both streams keeps their order, as a terminal shows it.
    const result = spawnSync('sh', ['-c', `exec "${process.execPath}" sample.mjs 2>&1`], {
      cwd,
      encoding: 'utf8',
      timeout: 30_000,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', RT_LOG_LEVEL: '', RT_LOG_FILE: '', ...sample.env },
    });
    // The output rides along so that a failing status shows what the sample printed.
    expect({ status: result.status, output: result.stdout }).toEqual({ status: 0, output: result.stdout });
    if (sample.output !== undefined && !outputMatches(sample.output, result.stdout)) {
      expect(normaliseOutput(result.stdout)).toBe(normaliseOutput(sample.output));
    }
  });

  test('every ts sample type-checks against the package types', () => {
    const ts = samples.filter((s) => s.lang === 'ts');
    const dir = join(consumer, 'typecheck');
    mkdirSync(dir, { recursive: true });
    const names = ts.map((s, i) => {
      const name = `sample${i}.mts`;
      writeFileSync(join(dir, name), s.code);
      return [name, label(s)] as const;
    });
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({
      compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, types: ['node'], typeRoots: [join(repo, 'node_modules/@types')] },
      include: ['*.mts'],
    }));
    const result = spawnSync(process.execPath, [join(repo, 'node_modules/typescript/bin/tsc'), '-p', dir], { encoding: 'utf8' });
    let report = result.stdout;
    for (const [name, where] of names) report = report.replaceAll(name, where);
    expect(report).toBe('');
    expect(result.status).toBe(0);
  });
});
