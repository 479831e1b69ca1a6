import { connect, type Socket } from 'node:net';
import { Formatter } from '../core/formatter.js';
import { Handler } from '../core/handler.js';
import type { Level } from '../core/levels.js';
import type { LogRecord } from '../core/record.js';
import { framePickle } from './pickle-encoder.js';
import { FLOAT_RECORD_FIELDS, recordToDict } from './record-dict.js';
import { DEFAULT_TCP_LOGGING_PORT } from './socket-receiver.js';
import { mustNotSend } from './wire-origin.js';

export interface SocketHandlerOptions {
  level?: Level;
  /** Frames kept while the peer is unreachable (default 1000); beyond it the oldest are dropped. */
  maxBuffered?: number;
  /** First reconnect delay in ms (default 1000), doubled per failure up to `retryMax` — Python's retryStart/retryFactor/retryMax. */
  retryStart?: number;
  retryMax?: number;
  /**
   * Also send records that arrived over the wire (default false). Only for a relay whose
   * destination can never lead back to this process; otherwise a receiver here would loop.
   */
  relay?: boolean;
}

const traceFormatter = new Formatter();

/**
 * Sends each record to a TCP peer as Python's `logging.handlers.SocketHandler` does: a 4-byte
 * big-endian length, then the record dict pickled with protocol 1, which Python's cookbook
 * receiver turns back into a record with `pickle.loads` + `logging.makeLogRecord`.
 *
 * While the peer is away, frames wait in a bounded buffer (oldest dropped first; `dropped`
 * counts them) and the connection is retried with exponential backoff; `emit` never blocks.
 * Timers are unref'd so a handler never keeps the process alive.
 * @example getRtLogger().addHandler(new SocketHandler('127.0.0.1', 9020));
 */
export class SocketHandler extends Handler {
  readonly host: string;
  readonly port: number;
  /** Frames dropped because the buffer was full while the peer was away. */
  dropped = 0;
  readonly maxBuffered: number;
  readonly retryStart: number;
  readonly retryMax: number;
  readonly relay: boolean;
  #socket: Socket | undefined;
  #connected = false;
  #queue: Buffer[] = [];
  #delay: number;
  #timer: NodeJS.Timeout | undefined;
  #flushWaiters: Array<() => void> = [];

  constructor(host = '127.0.0.1', port = DEFAULT_TCP_LOGGING_PORT, options: SocketHandlerOptions = {}) {
    super(options.level);
    this.host = host;
    this.port = port;
    this.maxBuffered = options.maxBuffered ?? 1000;
    this.retryStart = options.retryStart ?? 1000;
    this.retryMax = options.retryMax ?? 30_000;
    this.relay = options.relay ?? false;
    this.#delay = this.retryStart;
  }

  /** The frame for one record, as Python's `makePickle`. */
  makePickle(record: LogRecord): Buffer {
    return framePickle(recordToDict(record, this.formatter ?? traceFormatter), FLOAT_RECORD_FIELDS);
  }

  emit(record: LogRecord): void {
    if (mustNotSend(record, 'tcp', this.host, this.port, this.relay)) return;
    const frame = this.makePickle(record);
    if (this.#connected && this.#queue.length === 0) {
      this.#socket!.write(frame);
      return;
    }
    this.#queue.push(frame);
    if (this.#queue.length > this.maxBuffered) {
      this.#queue.shift();
      this.dropped++;
    }
    this.#connect();
  }

  #connect(): void {
    if (this.#socket !== undefined || this.#timer !== undefined || this.closed) return;
    const socket = connect(this.port, this.host);
    this.#socket = socket;
    socket.setNoDelay(true);
    socket.on('connect', () => {
      this.#connected = true;
      this.#delay = this.retryStart;
      const queued = this.#queue;
      this.#queue = [];
      for (const frame of queued) socket.write(frame);
      this.#settleFlush();
    });
    socket.on('error', () => socket.destroy());
    socket.on('close', () => {
      this.#connected = false;
      this.#socket = undefined;
      if (this.closed) return this.#settleFlush();
      // Reconnect only when something waits to be sent; otherwise on the next emit.
      if (this.#queue.length > 0) this.#retryLater();
    });
  }

  #retryLater(): void {
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#connect();
    }, this.#delay);
    this.#timer.unref();
    this.#delay = Math.min(this.#delay * 2, this.retryMax);
  }

  #settleFlush(): void {
    const waiters = this.#flushWaiters;
    this.#flushWaiters = [];
    for (const resolve of waiters) resolve();
  }

  /** Resolves when buffered frames have been handed to a connected socket (or the handler closed). */
  override flush(): Promise<void> {
    if (this.#queue.length === 0 || this.closed) return Promise.resolve();
    return new Promise((resolve) => this.#flushWaiters.push(resolve));
  }

  /** Closes the connection after writing what is connected-and-queued; drops what never connected. */
  override close(): Promise<void> {
    if (this.closed) return Promise.resolve();
    this.closed = true;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const socket = this.#socket;
    this.#settleFlush();
    if (socket === undefined) return Promise.resolve();
    return new Promise((resolve) => {
      socket.once('close', () => resolve());
      if (this.#connected) socket.end();
      else socket.destroy();
    });
  }
}
