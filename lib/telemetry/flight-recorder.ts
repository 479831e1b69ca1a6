/**
 * The flight recorder: a handler that keeps the last N records in a ring (by default every
 * level, whatever the console shows) and writes them out — oldest first — when a record at or
 * above a trigger level arrives, on demand, on the dump signal, and on a crash before the
 * process exits. Records are kept as they are; their text is built only when dumped.
 *
 * Memory is bounded twice: by count, and by an estimate of each record's size (its message and
 * string arguments at two bytes a character, plus a fixed allowance per record and per
 * non-string argument). The oldest records leave first.
 */
import { appendFileSync } from 'node:fs';
import { Handler } from '../core/handler.js';
import { DEBUG, ERROR, NOTSET, type Level, toLevelNumber } from '../core/levels.js';
import { Formatter } from '../core/formatter.js';
import type { Logger } from '../core/logger.js';
import type { LogRecord } from '../core/record.js';
import { FILE_FORMAT } from '../railtracks/formats.js';
import { getRtLogger } from '../railtracks/rt-logger.js';

export interface FlightRecorderOptions {
  /** Records kept (default 1000). */
  capacity?: number;
  /** Estimated bytes kept (default 4 MiB). */
  maxBytes?: number;
  /** A record at or above this level writes the ring out (default ERROR; `null` for never). */
  triggerLevel?: Level | null;
  /** Where a dump goes: a file path (appended, synchronously) or a handler. Default: stderr. */
  target?: string | Handler;
  /** How dumped records are written to a file or stderr (default the Railtracks file layout). */
  formatter?: Formatter;
  /** Also dump on an uncaught exception or unhandled rejection, before the process exits (default true). */
  dumpOnCrash?: boolean;
}

const PER_RECORD_BYTES = 256;
const PER_OBJECT_BYTES = 128;

function estimate(record: LogRecord): number {
  let bytes = PER_RECORD_BYTES;
  if (typeof record.msg === 'string') bytes += record.msg.length * 2;
  const args = record.args;
  if (Array.isArray(args)) for (const a of args) bytes += typeof a === 'string' ? a.length * 2 : PER_OBJECT_BYTES;
  else if (args !== null) bytes += PER_OBJECT_BYTES;
  return bytes;
}

const recorders = new Set<FlightRecorder>();

/** @internal the recorders alive now, for the dump signal. */
export function liveRecorders(): ReadonlySet<FlightRecorder> {
  return recorders;
}

let crashHookInstalled = false;
function installCrashHook(): void {
  if (crashHookInstalled) return;
  crashHookInstalled = true;
  // The monitor event runs before Node's own crash handling and changes nothing about it.
  process.on('uncaughtExceptionMonitor', (error, origin) => {
    for (const recorder of recorders) if (recorder.dumpOnCrash) recorder.dump(`crash (${origin}): ${error instanceof Error ? error.message : String(error)}`);
  });
}

/**
 * @example
 * const recorder = new FlightRecorder({ capacity: 500, target: 'logs/flight.log' });
 * attachFlightRecorder(recorder);     // RT now makes DEBUG records; the console still shows its level
 * getRtLogger('db').debug('query %s', sql);
 * getRtLogger('db').error('query failed'); // the last 500 records, oldest first, go to logs/flight.log
 */
export class FlightRecorder extends Handler {
  readonly capacity: number;
  readonly maxBytes: number;
  readonly triggerLevel: number;
  readonly dumpOnCrash: boolean;
  #target: string | Handler | undefined;
  #ring: Array<LogRecord | undefined>;
  #sizes: number[];
  #start = 0;
  #count = 0;
  #bytes = 0;
  /** Records that left the ring before they could be dumped. */
  evicted = 0;

  constructor(options: FlightRecorderOptions = {}) {
    super(NOTSET);
    const capacity = options.capacity ?? 1000;
    const maxBytes = options.maxBytes ?? 4 * 1024 * 1024;
    if (!Number.isInteger(capacity) || capacity < 1) throw new TypeError(`FlightRecorder: capacity must be a whole number >= 1, got ${String(options.capacity)}`);
    if (!(maxBytes > 0)) throw new TypeError(`FlightRecorder: maxBytes must be > 0, got ${String(options.maxBytes)}`);
    this.capacity = capacity;
    this.maxBytes = maxBytes;
    this.triggerLevel = options.triggerLevel === null ? Infinity : toLevelNumber(options.triggerLevel ?? ERROR);
    this.dumpOnCrash = options.dumpOnCrash ?? true;
    this.#target = options.target;
    this.#ring = new Array<LogRecord | undefined>(capacity);
    this.#sizes = new Array<number>(capacity).fill(0);
    this.setFormatter(options.formatter ?? new Formatter(FILE_FORMAT));
    recorders.add(this);
    if (this.dumpOnCrash) installCrashHook();
  }

  /** How many records the ring holds now. */
  get size(): number {
    return this.#count;
  }

  emit(record: LogRecord): void {
    const size = estimate(record);
    while (this.#count > 0 && (this.#count === this.capacity || this.#bytes + size > this.maxBytes)) this.#dropOldest();
    const at = (this.#start + this.#count) % this.capacity;
    this.#ring[at] = record;
    this.#sizes[at] = size;
    this.#bytes += size;
    this.#count++;
    if (record.levelno >= this.triggerLevel) this.dump(`${record.levelname} from ${record.name}`);
  }

  /** The kept records, oldest first (the ring is not emptied). */
  records(): LogRecord[] {
    const out: LogRecord[] = [];
    for (let i = 0; i < this.#count; i++) out.push(this.#ring[(this.#start + i) % this.capacity]!);
    return out;
  }

  /**
   * Write the kept records out, oldest first, and empty the ring. Returns how many were written.
   * Never throws: a target that fails is reported like any handler error.
   */
  dump(reason = 'on demand'): number {
    const records = this.records();
    this.#ring.fill(undefined);
    this.#sizes.fill(0);
    this.#start = this.#count = this.#bytes = 0;
    if (records.length === 0) return 0;
    const target = this.#target;
    try {
      if (target instanceof Handler) {
        for (const record of records) target.handle(record);
      } else {
        let text = `--- flight recorder: ${records.length} record(s), ${reason} ---\n`;
        for (const record of records) text += this.format(record) + '\n';
        text += '--- end of flight recorder ---\n';
        if (target === undefined) process.stderr.write(text);
        else appendFileSync(target, text);
      }
    } catch (err) {
      this.handleError(records[records.length - 1]!, err);
    }
    return records.length;
  }

  override close(): void | Promise<void> {
    recorders.delete(this);
    return super.close();
  }

  #dropOldest(): void {
    this.#bytes -= this.#sizes[this.#start]!;
    this.#ring[this.#start] = undefined;
    this.#start = (this.#start + 1) % this.capacity;
    this.#count--;
    this.evicted++;
  }
}

/**
 * Attach a recorder to a logger (default `RT`) and let that logger make records from `level`
 * (default DEBUG) on, so the ring sees them while every other handler keeps its own level.
 * Call it after `setConfig`/`enableLogging`, which set the RT level again. Returns a detach function.
 * @example const detach = attachFlightRecorder(new FlightRecorder()); … detach();
 */
export function attachFlightRecorder(recorder: FlightRecorder, options: { logger?: Logger; level?: Level } = {}): () => Promise<void> {
  const logger = options.logger ?? getRtLogger();
  const level = toLevelNumber(options.level ?? DEBUG);
  const before = logger.level;
  if (logger.getEffectiveLevel() > level || logger.getEffectiveLevel() === NOTSET) logger.setLevel(level);
  logger.addHandler(recorder);
  return async () => {
    logger.removeHandler(recorder);
    logger.setLevel(before);
    await recorder.close();
  };
}
