/**
 * The interchange forms of a StampManager and the validation of untrusted input.
 *
 * JSON form (shared with Python): `{ "step": n, "step_logs": { "<step>": [..] }, "stamps": [..] }`.
 * superjson form: the same facts with step logs as a `Map<number, string[]>`, so that step keys stay
 * numbers and the document can travel inside a larger superjson payload unchanged.
 *
 * Everything read from outside is checked completely before anything is built from it, so a
 * caller gets either a consistent manager or an error naming the first problem and its fix.
 */
import { SuperJSON } from 'superjson';
import type { SuperJSONResult } from 'superjson';
import type { EncodedStamp } from './stamp.js';
import { isPlainObject } from '../python/plain-object.js';

/**
 * The JSON interchange form, field names as in the Python original's attributes.
 * @example const data: StampManagerJSON = { step: 1, step_logs: { '0': ['a'] }, stamps: [{ time: 1, step: 0, identifier: 'a' }] };
 */
export interface StampManagerJSON {
  step: number;
  step_logs: Record<string, string[]>;
  stamps: EncodedStamp[];
}

/**
 * Thrown when serialised stamp data is malformed or inconsistent. The message names the
 * offending field and how to fix it.
 * @example
 * try { StampManager.fromJSON({ step: -1 }); } catch (e) { if (e instanceof StampDataError) console.error(e.message); }
 */
export class StampDataError extends TypeError {
  override name = 'StampDataError';
}

// Keys that would reach Object.prototype (or a constructor) if anything downstream assigned them.
const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
const STEP_KEY = /^(0|[1-9][0-9]*)$/;
const SUPERJSON_FORMAT = 'railtracks-stamps';
const SUPERJSON_VERSION = 1;

function fail(where: string, message: string): never {
  throw new StampDataError(`${where}: ${message}`);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'object') return 'an object';
  return String(value);
}

function checkKeys(where: string, path: string, obj: object, allowed: readonly string[]): void {
  for (const key of Object.getOwnPropertyNames(obj)) {
    if (FORBIDDEN_KEYS.has(key)) {
      fail(where, `${path} has the key "${key}", which is never accepted (it could reach an object prototype); remove it`);
    }
    if (!allowed.includes(key)) {
      fail(where, `${path} has the unexpected key "${key}"; the allowed keys are ${allowed.join(', ')}`);
    }
  }
}

function checkStepNumber(where: string, path: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    fail(where, `${path} must be a non-negative integer, got ${describe(value)}`);
  }
  return value;
}

/**
 * Check untrusted data against the JSON interchange form and return a fresh copy that shares
 * nothing with the input. Throws StampDataError naming the first problem.
 * @example
 * const data = validateStampManagerJSON(JSON.parse(text)); // throws on hostile or broken input
 */
export function validateStampManagerJSON(input: unknown, where = 'StampManager.fromJSON'): StampManagerJSON {
  if (!isPlainObject(input)) fail(where, `expected an object { step, step_logs, stamps }, got ${describe(input)}`);
  checkKeys(where, 'the input', input, ['step', 'step_logs', 'stamps']);
  const step = checkStepNumber(where, 'step', input.step);

  const rawLogs = input.step_logs;
  if (!isPlainObject(rawLogs)) fail(where, `step_logs must be an object mapping each step to its identifiers, got ${describe(rawLogs)}`);
  const logKeys = Object.getOwnPropertyNames(rawLogs);
  for (const key of logKeys) {
    if (FORBIDDEN_KEYS.has(key)) fail(where, `step_logs has the key "${key}", which is never accepted (it could reach an object prototype); remove it`);
    if (!STEP_KEY.test(key)) fail(where, `step_logs key "${key}" is not a step number; keys must be decimal integers like "0", "1"`);
    if (Number(key) >= step) fail(where, `step_logs has step ${key} but step is ${step}; step must be greater than every step used`);
  }
  // Every key is a distinct integer below `step`, so the counts match only when none is missing.
  if (logKeys.length !== step) {
    const missing = firstMissingStep(rawLogs, step);
    fail(where, `step_logs has no entry for step ${missing}; every step below ${step} needs one (use [] for a reserved step that was never stamped)`);
  }
  const stepLogs: Record<string, string[]> = {};
  const remaining = new Map<number, Map<string, number>>();
  for (let s = 0; s < step; s++) {
    const log = rawLogs[String(s)];
    if (!Array.isArray(log)) fail(where, `step_logs["${s}"] must be an array of identifiers, got ${describe(log)}`);
    const counts = new Map<string, number>();
    const copy: string[] = [];
    log.forEach((id: unknown, i) => {
      if (typeof id !== 'string') fail(where, `step_logs["${s}"][${i}] must be a string, got ${describe(id)}`);
      counts.set(id, (counts.get(id) ?? 0) + 1);
      copy.push(id);
    });
    stepLogs[String(s)] = copy;
    remaining.set(s, counts);
  }

  const rawStamps = input.stamps;
  if (!Array.isArray(rawStamps)) fail(where, `stamps must be an array of { time, step, identifier }, got ${describe(rawStamps)}`);
  const stamps: EncodedStamp[] = [];
  rawStamps.forEach((raw: unknown, i) => {
    const path = `stamps[${i}]`;
    if (!isPlainObject(raw)) fail(where, `${path} must be an object { time, step, identifier }, got ${describe(raw)}`);
    checkKeys(where, path, raw, ['time', 'step', 'identifier']);
    const { time, identifier } = raw;
    if (typeof time !== 'number' || !Number.isFinite(time) || time < 0) {
      fail(where, `${path}.time must be a finite, non-negative number of epoch seconds, got ${describe(time)}`);
    }
    const stampStep = checkStepNumber(where, `${path}.step`, raw.step);
    if (stampStep >= step) fail(where, `${path}.step is ${stampStep} but step is ${step}; step must be greater than every step used`);
    if (typeof identifier !== 'string') fail(where, `${path}.identifier must be a string, got ${describe(identifier)}`);
    const counts = remaining.get(stampStep);
    const left = counts?.get(identifier) ?? 0;
    if (left === 0) {
      fail(where, `${path}.identifier ${describe(identifier)} is not listed in step_logs["${stampStep}"] (or is listed fewer times than stamps carry it); add it to that step's log`);
    }
    counts?.set(identifier, left - 1);
    stamps.push({ time, step: stampStep, identifier });
  });
  for (const [s, counts] of remaining) {
    for (const [id, left] of counts) {
      if (left > 0) fail(where, `step_logs["${s}"] lists ${describe(id)} but no stamp at step ${s} carries it; remove it from the log or add the stamp`);
    }
  }
  return { step, step_logs: stepLogs, stamps };
}

function firstMissingStep(logs: Record<string, unknown>, step: number): number {
  for (let s = 0; s < step; s++) if (!Object.hasOwn(logs, String(s))) return s;
  return step;
}

// A private instance: registering anything on superjson's default instance would change the
// behaviour of the user's own superjson calls.
const codec = new SuperJSON();

/**
 * The superjson text of a manager's JSON form.
 * @example const text = stringifyStampManagerJSON(manager.toJSON());
 */
export function stringifyStampManagerJSON(data: StampManagerJSON): string {
  const stepLogs = new Map<number, string[]>();
  for (let s = 0; s < data.step; s++) stepLogs.set(s, [...(data.step_logs[String(s)] ?? [])]);
  return codec.stringify({ format: SUPERJSON_FORMAT, version: SUPERJSON_VERSION, step: data.step, stepLogs, stamps: data.stamps });
}

/**
 * Parse untrusted superjson text back to the validated JSON form.
 * @example const data = parseStampManagerText(text); // throws StampDataError on bad input
 */
export function parseStampManagerText(text: unknown, where = 'StampManager.deserialize'): StampManagerJSON {
  if (typeof text !== 'string') fail(where, `expected the string made by serialize(), got ${describe(text)}`);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    fail(where, `the text is not JSON (${(error as Error).message}); pass the string made by serialize()`);
  }
  // superjson addresses values by dotted paths in its `meta`, so a forbidden name is refused
  // both as a key and as a path segment before superjson walks anything.
  rejectForbiddenKeys(where, raw, 'the document');
  if (!isPlainObject(raw) || !isPlainObject(raw.json)) fail(where, 'the text is not a superjson document { json, meta }; pass the string made by serialize()');
  let value: unknown;
  try {
    value = codec.deserialize(raw as unknown as SuperJSONResult);
  } catch (error) {
    fail(where, `superjson could not decode the document (${(error as Error).message}); pass the string made by serialize()`);
  }
  if (!isPlainObject(value) || value.format !== SUPERJSON_FORMAT) {
    fail(where, `the document is not a serialised StampManager (format must be "${SUPERJSON_FORMAT}")`);
  }
  checkKeys(where, 'the document', value, ['format', 'version', 'step', 'stepLogs', 'stamps']);
  if (value.version !== SUPERJSON_VERSION) fail(where, `unsupported version ${describe(value.version)}; this library reads version ${SUPERJSON_VERSION}`);
  if (!(value.stepLogs instanceof Map)) fail(where, `stepLogs must be a Map of step to identifiers, got ${describe(value.stepLogs)}`);
  const stepLogs: Record<string, unknown> = {};
  for (const [key, log] of value.stepLogs as Map<unknown, unknown>) {
    const s = checkStepNumber(where, 'a stepLogs key', key);
    stepLogs[String(s)] = log;
  }
  return validateStampManagerJSON({ step: value.step, step_logs: stepLogs, stamps: value.stamps }, where);
}

function hasForbiddenSegment(path: string): boolean {
  return path.split('.').some((segment) => FORBIDDEN_KEYS.has(segment));
}

// In superjson's `meta`, string values are paths too (referential equalities), so they are
// checked as well; elsewhere a string is data (an identifier may legitimately read "constructor").
function rejectForbiddenKeys(where: string, value: unknown, path: string, stringsArePaths = false): void {
  if (typeof value === 'string' && stringsArePaths && hasForbiddenSegment(value)) {
    fail(where, `${path} refers to the path "${value}", which is never accepted (it could reach an object prototype); remove it`);
  }
  if (typeof value !== 'object' || value === null) return;
  if (Array.isArray(value)) {
    value.forEach((item, i) => rejectForbiddenKeys(where, item, `${path}[${i}]`, stringsArePaths));
    return;
  }
  for (const key of Object.getOwnPropertyNames(value)) {
    if (hasForbiddenSegment(key)) {
      fail(where, `${path} has the key "${key}", which is never accepted (it could reach an object prototype); remove it`);
    }
    const inMeta = stringsArePaths || (path === 'the document' && key === 'meta');
    rejectForbiddenKeys(where, (value as Record<string, unknown>)[key], `${path}.${key}`, inMeta);
  }
}
