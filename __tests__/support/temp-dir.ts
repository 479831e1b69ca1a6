/** Temporary directories for tests that write real files; removed after each test file. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const made: string[] = [];

/** @example const dir = tempDir('rotation'); afterAll(removeTempDirs); */
export function tempDir(label: string): string {
  const dir = mkdtempSync(join(tmpdir(), `rt-${label}-`));
  made.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/**
 * The index of the first line that is not `line <i>` in order, or -1 when `lines` is exactly
 * `line 0` … `line n-1`. Reporting an index keeps a failure readable for 100,000 lines.
 * @example expect(firstMissing(lines, 100_000)).toBe(-1);
 */
export function firstMissing(lines: string[], n: number, prefix = 'line '): number {
  for (let i = 0; i < n; i++) if (lines[i] !== `${prefix}${i}`) return i;
  return lines.length === n ? -1 : n;
}

/** The file's lines without the final empty string after the last newline. */
export function readLines(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}
