/**
 * StampManager: hands out stamps with logical steps, as the Python original does.
 *
 * The hot path (createStamp) reads the clock, bumps the step, appends three columns to the
 * StampStore and allocates the returned Stamp; nothing else. Step logs are not stored at all:
 * every step below `#step` exists (createStamp or a creator took it), and a step's log is the
 * identifiers of its stamps in stamping order, so `stepLogs` derives them from the store. Keeping
 * a log array per creator step instead measured twice as slow for groups of five, because every
 * retained array is one more object for the garbage collector to copy.
 */
import { Mutex } from 'async-mutex';
import { Stamp, stampClock } from './stamp.js';
import type { EncodedStamp } from './stamp.js';
import { StampStore } from './stamp-store.js';
import type { StampManagerJSON } from './stamp-codec.js';
import { parseStampManagerText, stringifyStampManagerJSON, validateStampManagerJSON } from './stamp-codec.js';
import { toChromeTrace } from './chrome-trace.js';
import type { ChromeTrace, ChromeTraceOptions } from './chrome-trace.js';
import { toHtmlTimeline } from './html-timeline.js';
import type { HtmlTimelineOptions } from './html-timeline.js';

/**
 * Stamps with the step reserved when it was made; call it as often as needed.
 * @example const stamp = manager.stampCreator(); stamp('chunk-A embedded');
 */
export type StampCreator = (identifier: string) => Stamp;

/**
 * Step logs by step: the identifiers stamped at each step, in the order they were stamped.
 * @example const logs: StepLogs = sm.stepLogs; logs[0]; // ['Session start']
 */
export type StepLogs = Record<number, string[]>;

/**
 * Records stamps and groups them into steps. `createStamp` takes a step of its own;
 * `stampCreator` reserves one step for a group of related stamps.
 *
 * Within one thread every method is synchronous, so concurrent async tasks never share or lose
 * a step; `runExclusive` serialises multi-stamp sections that span `await`s.
 * @example
 * const sm = new StampManager();
 * sm.createStamp('Session start');   // step 0
 * const group = sm.stampCreator();   // reserves step 1
 * group('chunk-A embedded');         // step 1
 * group('chunk-B embedded');         // step 1
 * sm.stepLogs; // { 0: ['Session start'], 1: ['chunk-A embedded', 'chunk-B embedded'] }
 */
export class StampManager {
  #step = 0;
  readonly #store = new StampStore();
  #mutex: Mutex | undefined;

  /**
   * Stamp with the current step, log `identifier` as that step's only entry, and advance.
   * @example new StampManager().createStamp('Session start').step; // 0
   */
  createStamp(identifier: string): Stamp {
    const time = stampClock();
    const step = this.#step++;
    this.#store.push(time, step, identifier);
    return new Stamp(time, step, identifier);
  }

  /**
   * Reserve the current step (advancing it) and return a function that stamps with it. The step
   * belongs to the creator even if it is never called; its log is then empty.
   * @example
   * const sm = new StampManager();
   * const a = sm.stampCreator(); const b = sm.stampCreator();
   * a('x').step; b('y').step; a('z').step; // 0, 1, 0
   */
  stampCreator(): StampCreator {
    const step = this.#step++;
    const store = this.#store;
    return (identifier: string): Stamp => {
      const time = stampClock();
      store.push(time, step, identifier);
      return new Stamp(time, step, identifier);
    };
  }

  /**
   * The next step to be handed out (the number of steps taken so far).
   * @example const sm = new StampManager(); sm.stampCreator(); sm.step; // 1
   */
  get step(): number {
    return this.#step;
  }

  /**
   * How many stamps have been recorded.
   * @example const sm = new StampManager(); sm.createStamp('a'); sm.size; // 1
   */
  get size(): number {
    return this.#store.size;
  }

  /**
   * Every stamp, sorted by step then time, as new objects: changing the array changes nothing here.
   * @example sm.allStamps.map((s) => s.identifier);
   */
  get allStamps(): Stamp[] {
    const out: Stamp[] = [];
    this.#store.forEach((time, step, identifier) => out.push(new Stamp(time, step, identifier)));
    // Array.prototype.sort is stable, so stamps with equal step and time keep stamping order.
    return out.sort(Stamp.compare);
  }

  /**
   * A deep copy of the step logs, `{ [step]: identifiers[] }`, one entry for every step taken.
   * A fresh manager answers `{ 0: [] }`, as upstream's does (its log for step 0 exists from the
   * start).
   * @example
   * const sm = new StampManager(); sm.createStamp('a'); sm.stampCreator();
   * sm.stepLogs; // { 0: ['a'], 1: [] } — a reserved step that was never stamped has an empty log
   */
  get stepLogs(): StepLogs {
    const logs: string[][] = [];
    for (let s = 0; s < Math.max(this.#step, 1); s++) logs.push([]);
    this.#store.forEach((_time, step, identifier) => (logs[step] as string[]).push(identifier));
    const out: StepLogs = {};
    logs.forEach((log, step) => (out[step] = log));
    return out;
  }

  /**
   * Run `fn` while holding this manager's async lock, so sections that stamp across `await`s
   * never interleave with other `runExclusive` sections. It is cooperative: plain createStamp
   * calls from code outside any section are not held back.
   * @example
   * await sm.runExclusive(async () => {
   *   sm.createStamp('upload start'); await upload(); sm.createStamp('upload done');
   * }); // steps n and n+1, with no other section's stamps between them
   */
  runExclusive<T>(fn: () => T | Promise<T>): Promise<T> {
    this.#mutex ??= new Mutex();
    return this.#mutex.runExclusive(fn);
  }

  /**
   * The JSON interchange form that a Python program can load into its own StampManager.
   * @example JSON.stringify(sm); // '{"step":1,"step_logs":{"0":["a"]},"stamps":[...]}'
   */
  toJSON(): StampManagerJSON {
    const stepLogs: Record<string, string[]> = {};
    for (const [step, log] of Object.entries(this.stepLogs)) stepLogs[step] = log;
    return { step: this.#step, step_logs: stepLogs, stamps: this.allStamps.map((s) => s.encode()) };
  }

  /**
   * Restore a manager from untrusted JSON data; it continues the step sequence. Throws
   * StampDataError naming what is wrong; nothing is built unless everything checks out.
   * @example const again = StampManager.fromJSON(JSON.parse(JSON.stringify(sm)));
   */
  static fromJSON(input: unknown): StampManager {
    return StampManager.#restore(validateStampManagerJSON(input, 'StampManager.fromJSON'));
  }

  /**
   * The manager as superjson text (step logs as a Map with numeric keys).
   * @example const text = sm.serialize(); StampManager.deserialize(text).step === sm.step; // true
   */
  serialize(): string {
    return stringifyStampManagerJSON(this.toJSON());
  }

  /**
   * Restore from the text made by `serialize()`; validates like `fromJSON`.
   * @example const again = StampManager.deserialize(sm.serialize());
   */
  static deserialize(text: string): StampManager {
    return StampManager.#restore(parseStampManagerText(text, 'StampManager.deserialize'));
  }

  /**
   * Chrome Trace Event JSON (Perfetto, chrome://tracing): one lane per step.
   * @example fs.writeFileSync('run.trace.json', JSON.stringify(sm.toChromeTrace()));
   */
  toChromeTrace(options?: ChromeTraceOptions): ChromeTrace {
    return toChromeTrace(this, options);
  }

  /**
   * A self-contained HTML page drawing the run as a timeline of steps.
   * @example fs.writeFileSync('run.timeline.html', sm.toHtml({ title: 'My run' }));
   */
  toHtml(options?: HtmlTimelineOptions): string {
    return toHtmlTimeline(this, options);
  }

  static #restore(data: StampManagerJSON): StampManager {
    const manager = new StampManager();
    manager.#step = data.step;
    // Logs are derived from stamping order, so stamps go into the store in the order their
    // step's log lists them; validation guarantees each log entry has exactly one stamp.
    const byEntry = new Map<string, { stamps: EncodedStamp[]; next: number }>();
    for (const stamp of data.stamps) {
      const key = `${stamp.step}\u0000${stamp.identifier}`;
      const entry = byEntry.get(key);
      if (entry === undefined) byEntry.set(key, { stamps: [stamp], next: 0 });
      else entry.stamps.push(stamp);
    }
    for (let s = 0; s < data.step; s++) {
      for (const identifier of data.step_logs[String(s)] ?? []) {
        const entry = byEntry.get(`${s}\u0000${identifier}`);
        const stamp = entry?.stamps[entry.next++];
        if (stamp !== undefined) manager.#store.push(stamp.time, s, identifier);
      }
    }
    return manager;
  }
}
