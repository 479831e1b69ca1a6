import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { cpSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runNode } from '../support/child.js';
import { firstMissing, readLines, removeTempDirs, tempDir } from '../support/temp-dir.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const script = join(root, 'fixtures/files/signal-neighbours.mjs');
const N = 20_000;
const dir = tempDir('signals');
let secondCopy = '';

beforeAll(() => {
  // A second, independent copy of the built package, as a nested node_modules would hold.
  secondCopy = join(tempDir('second-copy'), 'railtracks-observability');
  cpSync(join(root, 'dist'), join(secondCopy, 'dist'), { recursive: true });
  writeFileSync(join(secondCopy, 'package.json'), JSON.stringify({ type: 'module' }));
  symlinkSync(join(root, 'node_modules'), join(secondCopy, 'node_modules'));
});
afterAll(removeTempDirs);

async function run(name: string, signal: string, neighbour: string) {
  const file = join(dir, `${name}.log`);
  const result = await runNode(script, [file, String(N), signal, neighbour, secondCopy]);
  return { result, file };
}

describe('the process dies by the signal, as without the library, next to other cooperative listeners', () => {
  test.each(['SIGTERM', 'SIGINT', 'SIGHUP'])('signal-exit loaded before the first record: %s ends the process, every line is on disk', async (signal) => {
    const { result, file } = await run(`se-before-${signal}`, signal, 'signal-exit-before');
    expect(result.code).toBeNull();
    expect(result.signal).toBe(signal);
    const lines = readLines(file);
    expect(firstMissing(lines.slice(0, N), N)).toBe(-1);
    // signal-exit's own cleanup ran while the process was dying, and what it logged was kept.
    expect(lines.slice(N)).toEqual([`signal-exit saw ${signal}`]);
  });

  test('signal-exit loaded after the first record: SIGTERM ends the process, every line is on disk', async () => {
    const { result, file } = await run('se-after', 'SIGTERM', 'signal-exit-after');
    expect(result.code).toBeNull();
    expect(result.signal).toBe('SIGTERM');
    const lines = readLines(file);
    expect(firstMissing(lines.slice(0, N), N)).toBe(-1);
    expect(lines.slice(N)).toEqual(['signal-exit saw SIGTERM']);
  });

  test('signal-exit v3 and v4 both loaded: SIGTERM ends the process, every line and both cleanups are on disk', async () => {
    const { result, file } = await run('se-v3-v4', 'SIGTERM', 'signal-exit-v3-and-v4');
    expect(result.code).toBeNull();
    expect(result.signal).toBe('SIGTERM');
    const lines = readLines(file);
    expect(firstMissing(lines.slice(0, N), N)).toBe(-1);
    expect(lines.slice(N).sort()).toEqual(['signal-exit saw SIGTERM', 'signal-exit v3 saw SIGTERM']);
  });

  test.each(['SIGTERM', 'SIGINT'])('two copies of this package, each with a file: %s ends the process and both files are complete', async (signal) => {
    const { result, file } = await run(`copies-${signal}`, signal, 'second-copy');
    expect(result.code).toBeNull();
    expect(result.signal).toBe(signal);
    expect(firstMissing(readLines(file), N)).toBe(-1);
    expect(firstMissing(readLines(`${file}.second`), N)).toBe(-1);
  });

  test('a listener carrying the library marker counts as a library\'s: SIGTERM still ends the process', async () => {
    const { result, file } = await run('marked', 'SIGTERM', 'marked');
    expect(result.signal).toBe('SIGTERM');
    const lines = readLines(file);
    expect(firstMissing(lines.slice(0, N), N)).toBe(-1);
    expect(lines.slice(N)).toEqual(['marked cleanup ran']);
  });

  test("an application's own listener still decides, signal-exit or not", async () => {
    const { result, file } = await run('application', 'SIGTERM', 'application');
    expect(result.signal).toBeNull();
    expect(result.code).toBe(7);
    expect(firstMissing(readLines(file).slice(0, N), N)).toBe(-1);
  });

  test('alone, the library still re-raises SIGHUP', async () => {
    const { result, file } = await run('alone', 'SIGHUP', 'none');
    expect(result.signal).toBe('SIGHUP');
    expect(firstMissing(readLines(file), N)).toBe(-1);
  });
});
