import { afterAll, describe, expect, test } from '@jest/globals';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BatchedFileWriter } from '../../lib/handlers/batched-file-writer.js';
import { removeTempDirs, tempDir } from '../support/temp-dir.js';

afterAll(removeTempDirs);

const turn = () => new Promise((resolve) => setImmediate(resolve));

/** Writes `texts` through a fresh writer and returns the file's bytes after close. */
function roundTrip(texts: readonly string[], options: ConstructorParameters<typeof BatchedFileWriter>[1] = {}): Buffer {
  const file = join(tempDir('writer'), 'out.log');
  const writer = new BatchedFileWriter(file, options);
  for (const text of texts) writer.write(text);
  writer.close();
  return readFileSync(file);
}

/** Byte equality reported as length and first differing offset (readable for megabytes). */
function expectSameBytes(actual: Buffer, expected: Buffer): void {
  let firstDifference = -1;
  const n = Math.min(actual.length, expected.length);
  for (let i = 0; i < n; i++) {
    if (actual[i] !== expected[i]) {
      firstDifference = i;
      break;
    }
  }
  expect({ length: actual.length, firstDifference }).toEqual({ length: expected.length, firstDifference: -1 });
}

describe('BatchedFileWriter encodes every line exactly as Buffer.from would', () => {
  test('multi-byte characters (accents, CJK, emoji) come out byte for byte', () => {
    const texts = ['café naïve\n', '日本語のログ\n', 'rocket 🚀 and 👩‍💻\n'];
    expectSameBytes(roundTrip(texts), Buffer.from(texts.join(''), 'utf8'));
  });

  test('a lone surrogate becomes U+FFFD, the same bytes Buffer.from writes', () => {
    const texts = ['before \ud800 after\n', 'tail \udfff\n'];
    const bytes = roundTrip(texts);
    expectSameBytes(bytes, Buffer.from(texts.join(''), 'utf8'));
    expect(bytes.toString('utf8')).toContain('before \ufffd after');
  });

  test('lines of every length around the batch and buffer sizes keep their order and bytes', () => {
    // Sizes chosen to land just under, on and over the 64 KiB batch and the 128 KiB buffer,
    // in ASCII and in 3-byte characters, interleaved with short lines.
    const texts: string[] = [];
    for (const [i, size] of [10, 21_845, 21_846, 65_535, 65_536, 131_072, 200_000, 5].entries()) {
      texts.push(`${String(i).padStart(3, '0')}:${'x'.repeat(size)}\n`);
      texts.push(`${String(i).padStart(3, '0')}:${'€'.repeat(Math.ceil(size / 3))}\n`);
      texts.push(`short ${i}\n`);
    }
    expectSameBytes(roundTrip(texts), Buffer.from(texts.join(''), 'utf8'));
  });

  test('100,000 small lines across many batches arrive complete and in order', () => {
    const texts = Array.from({ length: 100_000 }, (_, i) => `line ${i} ${'é'.repeat(i % 7)}\n`);
    expectSameBytes(roundTrip(texts), Buffer.from(texts.join(''), 'utf8'));
  });

  test('sync mode writes each line before write() returns', () => {
    const file = join(tempDir('writer'), 'sync.log');
    const writer = new BatchedFileWriter(file, { sync: true });
    writer.write('one ✓\n');
    expect(readFileSync(file, 'utf8')).toBe('one ✓\n');
    writer.write('two\n');
    expect(readFileSync(file, 'utf8')).toBe('one ✓\ntwo\n');
    writer.close();
  });

  test('batched lines reach the file at the end of the event-loop turn', async () => {
    const file = join(tempDir('writer'), 'turn.log');
    const writer = new BatchedFileWriter(file);
    writer.write('held\n');
    await turn();
    expect(readFileSync(file, 'utf8')).toBe('held\n');
    writer.close();
  });
});

describe('BatchedFileWriter keeps order across an outage', () => {
  test('staged lines, lines held while failing and a long line come out in the order written', () => {
    const dir = join(tempDir('writer'), 'parent');
    // A regular file where the directory should be: every open fails with ENOTDIR.
    writeFileSync(dir, 'not a directory');
    const errors: unknown[] = [];
    let recovered = -1;
    const writer = new BatchedFileWriter(join(dir, 'out.log'));
    writer.events = { onError: (e) => errors.push(e), onRecover: (dropped) => (recovered = dropped), onLoss: () => {} };
    const texts = ['staged 1\n', 'staged 2 ✓\n'];
    for (const t of texts) writer.write(t);
    expect(writer.flushSync()).toBe(false);
    expect(writer.failing).toBe(true);
    const later = ['held while failing\n', `long ${'y'.repeat(50_000)}\n`, 'after the long one\n'];
    for (const t of later) writer.write(t);
    rmSync(dir);
    mkdirSync(dir);
    expect(writer.flushSync()).toBe(true);
    writer.close();
    expect(errors).toHaveLength(1);
    expect(recovered).toBe(0);
    expect(readFileSync(join(dir, 'out.log'), 'utf8')).toBe([...texts, ...later].join(''));
  });
});
