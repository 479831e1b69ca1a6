/**
 * A StampManager shared by worker threads through SharedArrayBuffers.
 *
 * Soundness, in short: steps come from one atomic counter, so no two threads ever get the
 * same step. Every stamp (and every creator's reservation) claims a record slot and its bytes in
 * a shared string arena with a compare-and-swap that leaves the counter untouched when the claim
 * does not fit (so refused claims can never wrap a counter), writes them with plain stores, and only then publishes
 * the slot with Atomics.store of its kind. A reader Atomics.loads the kind first; by the
 * JavaScript memory model that orders the plain reads after the writer's plain writes, so a
 * reader sees whole records or none, never a torn one. Capacity is fixed when the manager is made.
 * Every thread dates its stamps with the creating thread's epoch base plus the system-wide
 * monotonic clock, so times from different threads are directly comparable.
 */
import { Stamp, monotonicSeconds, stampEpochBaseSeconds } from './stamp.js';
import type { EncodedStamp } from './stamp.js';
import { StampManager } from './stamp-manager.js';
import type { StampCreator, StepLogs } from './stamp-manager.js';
import type { StampManagerJSON } from './stamp-codec.js';

/**
 * The shared memory behind a SharedStampManager. Pass it to a worker (`workerData` or
 * `postMessage`); SharedArrayBuffers are shared, not copied.
 * @example new Worker(file, { workerData: { stamps: shared.handle } });
 */
export interface SharedStampHandle {
  readonly header: SharedArrayBuffer;
  readonly records: SharedArrayBuffer;
  readonly arena: SharedArrayBuffer;
}

/**
 * Sizes fixed at creation.
 * @example new SharedStampManager({ capacity: 100_000, arenaBytes: 4 << 20 });
 */
export interface SharedStampOptions {
  /** Maximum stamps plus creator reservations. Default 65,536. */
  capacity?: number;
  /** Bytes for all identifiers, UTF-8. Default 64 × capacity. */
  arenaBytes?: number;
}

// header: four Int32 counters, then the Float64 epoch base (seconds) at byte 16
const HEADER_BYTES = 24;
const NEXT_STEP = 0;
const NEXT_SLOT = 1;
const ARENA_USED = 2;
// per-record Int32 fields, after the Float64 times column
const FIELDS = 4;
const KIND = 0;
const STEP = 1;
const OFFSET = 2;
const LENGTH = 3;
// record kinds; 0 means claimed but not yet published
const KIND_STAMP = 1;
const KIND_RESERVED = 2;

const MAX_INT32 = 2 ** 31 - 1;

/**
 * Steps allocated atomically across threads, stamps collected in one shared place. Every thread
 * (the creator and each worker that `attach`es) stamps through its own instance; any of them can
 * read everything published so far. Same step semantics as StampManager.
 * @example
 * // main thread
 * const shared = new SharedStampManager({ capacity: 100_000 });
 * const worker = new Worker(new URL('./worker.js', import.meta.url), { workerData: shared.handle });
 * // worker.js
 * const stamps = SharedStampManager.attach(workerData);
 * const stamp = stamps.stampCreator(); stamp('chunk-A embedded');
 * // main thread, after the workers finish
 * fs.writeFileSync('run.json', JSON.stringify(shared.snapshot()));
 */
export class SharedStampManager {
  readonly #header: Int32Array;
  readonly #times: Float64Array;
  readonly #ints: Int32Array;
  readonly #arena: Buffer;
  readonly #capacity: number;
  readonly #epochBaseSeconds: number;

  constructor(options: SharedStampOptions | SharedStampHandle = {}) {
    const handle = 'header' in options ? options : SharedStampManager.#allocate(options);
    this.handle = handle;
    this.#header = new Int32Array(handle.header, 0, 4);
    // Written once by #allocate before the handle can reach any other thread.
    this.#epochBaseSeconds = new Float64Array(handle.header, 16, 1)[0] as number;
    this.#capacity = handle.records.byteLength / (8 + 4 * FIELDS);
    this.#times = new Float64Array(handle.records, 0, this.#capacity);
    this.#ints = new Int32Array(handle.records, 8 * this.#capacity, FIELDS * this.#capacity);
    this.#arena = Buffer.from(handle.arena);
  }

  /** The shared memory to hand to other threads. @example worker.postMessage(shared.handle); */
  readonly handle: SharedStampHandle;

  /**
   * Use shared memory made by another thread's SharedStampManager.
   * @example const stamps = SharedStampManager.attach(workerData);
   */
  static attach(handle: SharedStampHandle): SharedStampManager {
    for (const key of ['header', 'records', 'arena'] as const) {
      if (!(handle?.[key] instanceof SharedArrayBuffer) || (key === 'header' && handle.header.byteLength !== HEADER_BYTES)) {
        throw new TypeError(`SharedStampManager.attach: handle.${key} must be a SharedArrayBuffer; pass the .handle of a SharedStampManager`);
      }
    }
    return new SharedStampManager(handle);
  }

  /**
   * Take the next step (atomically, across all threads) and stamp it.
   * @example SharedStampManager.attach(workerData).createStamp('worker ready');
   */
  createStamp(identifier: string): Stamp {
    const time = this.#now();
    const step = this.#takeStep();
    this.#publish(KIND_STAMP, time, step, identifier);
    return new Stamp(time, step, identifier);
  }

  /**
   * Reserve a step for a group of stamps. The creator belongs to this thread (functions cannot
   * cross threads), so a step's stamps keep the order they were made in.
   * @example const stamp = shared.stampCreator(); stamp('load'); stamp('parse');
   */
  stampCreator(): StampCreator {
    const step = this.#takeStep();
    this.#publish(KIND_RESERVED, 0, step, '');
    return (identifier: string): Stamp => {
      const time = this.#now();
      this.#publish(KIND_STAMP, time, step, identifier);
      return new Stamp(time, step, identifier);
    };
  }

  /** Steps taken so far, by every thread. @example shared.step; */
  get step(): number {
    return Atomics.load(this.#header, NEXT_STEP);
  }

  /**
   * Everything published so far, as a StampManager (which continues the step sequence locally).
   * While other threads are stamping, a step just taken may still show an empty log and the
   * newest stamps may be missing; after they have finished the snapshot is complete.
   * @example const sm = shared.snapshot(); sm.toHtml();
   */
  snapshot(): StampManager {
    return StampManager.fromJSON(this.toJSON());
  }

  /** @example shared.allStamps.length; */
  get allStamps(): Stamp[] {
    return this.snapshot().allStamps;
  }

  /** @example shared.stepLogs[0]; */
  get stepLogs(): StepLogs {
    return this.snapshot().stepLogs;
  }

  /** The JSON interchange form of everything published so far. @example JSON.stringify(shared); */
  toJSON(): StampManagerJSON {
    // Slots before steps: a stamp's step is taken before its slot is claimed, so every slot
    // counted here carries a step below the step count read next.
    const slots = Math.min(Atomics.load(this.#header, NEXT_SLOT), this.#capacity);
    const step = this.step;
    const logs: string[][] = [];
    const stamps: EncodedStamp[] = [];
    for (let s = 0; s < step; s++) logs.push([]);
    for (let slot = 0; slot < slots; slot++) {
      const base = slot * FIELDS;
      // The acquire half of the publication: field reads below happen after this load.
      if (Atomics.load(this.#ints, base + KIND) !== KIND_STAMP) continue;
      const stampStep = this.#ints[base + STEP] as number;
      const offset = this.#ints[base + OFFSET] as number;
      const identifier = this.#arena.toString('utf8', offset, offset + (this.#ints[base + LENGTH] as number));
      logs[stampStep]?.push(identifier);
      stamps.push({ time: this.#times[slot] as number, step: stampStep, identifier });
    }
    const stepLogs: Record<string, string[]> = {};
    logs.forEach((log, s) => (stepLogs[String(s)] = log));
    return { step, step_logs: stepLogs, stamps: stamps.sort((a, b) => a.step - b.step || a.time - b.time) };
  }

  #now(): number {
    return this.#epochBaseSeconds + monotonicSeconds();
  }

  #takeStep(): number {
    const step = this.#claim(NEXT_STEP, 1, MAX_INT32);
    if (step < 0) throw new RangeError('SharedStampManager: the step counter is exhausted (2^31 - 1 steps); start a new manager');
    return step;
  }

  #publish(kind: number, time: number, step: number, identifier: string): void {
    const bytes = Buffer.byteLength(identifier, 'utf8');
    const slot = this.#claim(NEXT_SLOT, 1, this.#capacity);
    if (slot < 0) {
      throw new RangeError(`SharedStampManager: all ${this.#capacity} record slots are used; create it with a larger { capacity }`);
    }
    const offset = this.#claim(ARENA_USED, bytes, this.#arena.length);
    if (offset < 0) {
      // Publish the slot as a bare reservation so readers are not left waiting on it.
      Atomics.store(this.#ints, slot * FIELDS + KIND, KIND_RESERVED);
      throw new RangeError(`SharedStampManager: the ${this.#arena.length}-byte identifier arena is full; create it with a larger { arenaBytes }`);
    }
    this.#arena.write(identifier, offset, bytes, 'utf8');
    const base = slot * FIELDS;
    this.#times[slot] = time;
    this.#ints[base + STEP] = step;
    this.#ints[base + OFFSET] = offset;
    this.#ints[base + LENGTH] = bytes;
    Atomics.store(this.#ints, base + KIND, kind); // the release: publishes the fields above
  }

  /**
   * Advance the counter at `index` by `amount` if the result stays within `limit`; returns the
   * start of the claimed range, or -1 and leaves the counter untouched. A failed claim never
   * moves a counter, so however many fail it can neither wrap around nor hand out a range that
   * was already given (an Atomics.add would overflow Int32 after 2^31 refused bytes and then
   * give out offset 0 again, overwriting the first identifiers).
   */
  #claim(index: number, amount: number, limit: number): number {
    let current = Atomics.load(this.#header, index);
    for (;;) {
      if (current + amount > limit) return -1;
      const seen = Atomics.compareExchange(this.#header, index, current, current + amount);
      if (seen === current) return current;
      current = seen;
    }
  }

  static #allocate(options: SharedStampOptions): SharedStampHandle {
    const capacity = options.capacity ?? 65_536;
    const arenaBytes = options.arenaBytes ?? capacity * 64;
    if (!Number.isSafeInteger(capacity) || capacity < 1 || capacity > 2 ** 26) {
      throw new RangeError(`SharedStampManager: capacity must be an integer from 1 to ${2 ** 26}, got ${capacity}`);
    }
    if (!Number.isSafeInteger(arenaBytes) || arenaBytes < 0 || arenaBytes > MAX_INT32) {
      throw new RangeError(`SharedStampManager: arenaBytes must be an integer from 0 to ${MAX_INT32}, got ${arenaBytes}`);
    }
    const header = new SharedArrayBuffer(HEADER_BYTES);
    new Float64Array(header, 16, 1)[0] = stampEpochBaseSeconds;
    return {
      header,
      records: new SharedArrayBuffer(capacity * (8 + 4 * FIELDS)),
      arena: new SharedArrayBuffer(arenaBytes),
    };
  }
}
