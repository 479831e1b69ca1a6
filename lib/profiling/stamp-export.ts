/**
 * Stamp data written out in pieces, so an export of millions of stamps needs neither one huge
 * string nor superjson's walk over every value.
 *
 * One JavaScript string holds at most 2^29 - 24 characters (V8, 64-bit), about 5 million
 * stamps with short identifiers: past that `JSON.stringify(manager)` throws a bare RangeError.
 * The chunk generators have no such limit (each piece is about 1 MiB); `serialize()` builds on
 * them and refuses, with an error that names the way out, a text longer than a string can be.
 * The superjson form is written by hand: for stamp data (plain numbers, strings, arrays and one
 * Map) it is exactly what superjson writes, about 100 times faster (bench/stamp-manager.mjs).
 */
import type { EncodedStamp } from './stamp.js';
import type { StampManagerJSON } from './stamp-codec.js';

/** The longest string V8 can make on 64-bit Node 20. */
export const MAX_TEXT_CHARS = 2 ** 29 - 24;
const CHUNK_CHARS = 1 << 20;
/** What the superjson document says it is; checked when it is read back. */
export const SUPERJSON_FORMAT = 'railtracks-stamps';
export const SUPERJSON_VERSION = 1;

function stampText(stamp: EncodedStamp): string {
  // String(n) is JSON's own rendering of a finite number.
  return `{"time":${stamp.time},"step":${stamp.step},"identifier":${JSON.stringify(stamp.identifier)}}`;
}

function identifierList(data: StampManagerJSON, step: number): string {
  // A numeric key reads the same property as String(step), without making the string.
  return JSON.stringify(data.step_logs[step] ?? []);
}

/**
 * Yields `head`, one entry per step, `middle`, one object per stamp and `tail`, gathered into
 * chunks of about CHUNK_CHARS characters (one generator step per chunk, not per stamp).
 */
function* chunks(data: StampManagerJSON, head: string, stepEntry: (step: number) => string, middle: string, tail: string): Generator<string> {
  let text = head;
  // A fresh manager (and Python's) also lists the step not yet taken: `{ "0": [] }` at step 0.
  const steps = Object.hasOwn(data.step_logs, String(data.step)) ? data.step + 1 : data.step;
  for (let s = 0; s < steps; s++) {
    text += (s === 0 ? '' : ',') + stepEntry(s);
    if (text.length >= CHUNK_CHARS) {
      yield text;
      text = '';
    }
  }
  text += middle;
  const stamps = data.stamps;
  for (let i = 0; i < stamps.length; i++) {
    text += (i === 0 ? '' : ',') + stampText(stamps[i] as EncodedStamp);
    if (text.length >= CHUNK_CHARS) {
      yield text;
      text = '';
    }
  }
  yield text + tail;
}

/**
 * The JSON interchange form (the text of `JSON.stringify(manager)`) in pieces of about 1 MiB,
 * for exports too large for one string.
 * @example for (const chunk of stampJSONChunks(manager.toJSON())) fs.writeSync(fd, chunk);
 */
export function stampJSONChunks(data: StampManagerJSON): Generator<string> {
  const stepEntry = (s: number) => `"${s}":${identifierList(data, s)}`;
  return chunks(data, `{"step":${data.step},"step_logs":{`, stepEntry, '},"stamps":[', ']}');
}

/**
 * The text of `serialize()` in pieces of about 1 MiB; `deserialize` reads it back (whole) as long
 * as it fits in one string.
 * @example for (const chunk of serializedStampChunks(manager.toJSON())) fs.writeSync(fd, chunk);
 */
export function serializedStampChunks(data: StampManagerJSON): Generator<string> {
  const head = `{"json":{"format":"${SUPERJSON_FORMAT}","version":${SUPERJSON_VERSION},"step":${data.step},"stepLogs":[`;
  const stepEntry = (s: number) => `[${s},${identifierList(data, s)}]`;
  return chunks(data, head, stepEntry, '],"stamps":[', ']},"meta":{"values":{"stepLogs":["map"]},"v":1}}');
}

/** Join `chunks` into one string, or throw naming the generator that writes it in pieces. */
export function joinWithinStringLimit(chunks: Iterable<string>, where: string, generator: string): string {
  const parts: string[] = [];
  let size = 0;
  for (const chunk of chunks) {
    size += chunk.length;
    if (size > MAX_TEXT_CHARS) {
      throw new RangeError(
        `${where}: the text is longer than the ${MAX_TEXT_CHARS} characters one string can hold; write it in pieces with ${generator}(manager.toJSON()) from 'railtracks-observability/profiling'`,
      );
    }
    parts.push(chunk);
  }
  return parts.join('');
}
