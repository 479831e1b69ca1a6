import { connect, type Socket } from 'node:net';
import { ReconnectBackoff } from './reconnect-backoff.js';
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
  /**
   * Frames kept while the peer is away or not reading (default 1000); beyond it the oldest are
   * dropped. On top of it the socket holds at most its write buffer (16 KiB) and one frame.
   */
  maxBuffered?: number;
  /** First reconnect delay in ms (default 1000), doubled per failure up to `retryMax` — Python's retryStart/retryFactor/retryMax. */
  retryStart?: number;
  retryMax?: number;
  /** Milliseconds `close()` waits for the peer to take what is left before giving up on it (default 2000). */
  closeTimeout?: number;
  /**
   * Milliseconds a connected peer may take nothing of what was written (default 5000) before it
   * is treated as gone: the connection is dropped (frames in flight counted in `dropped`) and
   * retried with backoff. This also bounds how long a finished program waits on such a peer.
   */
  stallTimeout?: number;
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
 * While the peer is away, or connected but not reading, frames wait in a bounded buffer (oldest
 * dropped first; `dropped` counts them) and the connection is retried with exponential backoff;
 * `emit` never blocks. The socket and timers are unref'd: a finished program waits only for
 * writes in progress, and at most `stallTimeout` for a peer that stopped reading; `close()`
 * resolves within `closeTimeout`.
 * @example getRtLogger().addHandler(new SocketHandler('127.0.0.1', 9020));
 */
export class SocketHandler extends Handler {
  readonly host: string;
  readonly port: number;
  /** Frames dropped: the buffer was full (peer away or not reading), or the peer never took them. */
  dropped = 0;
  readonly maxBuffered: number;
  readonly retryStart: number;
  readonly retryMax: number;
  readonly closeTimeout: number;
  readonly stallTimeout: number;
  readonly relay: boolean;
  #socket: Socket | undefined;
  #connected = false;
  /** The socket's buffer is past its high-water mark: wait for 'drain'. */
  #blocked = false;
  #queue: Buffer[] = [];
  readonly #backoff: ReconnectBackoff;
  #flushWaiters: Array<() => void> = [];
  /** Runs while written data waits for the peer; refreshed by every write that completes. */
  #stall: NodeJS.Timeout | undefined;

  constructor(host = '127.0.0.1', port = DEFAULT_TCP_LOGGING_PORT, options: SocketHandlerOptions = {}) {
    super(options.level);
    this.host = host;
    this.port = port;
    this.maxBuffered = options.maxBuffered ?? 1000;
    this.retryStart = options.retryStart ?? 1000;
    this.retryMax = options.retryMax ?? 30_000;
    this.closeTimeout = options.closeTimeout ?? 2000;
    this.stallTimeout = options.stallTimeout ?? 5000;
    this.relay = options.relay ?? false;
    this.#backoff = new ReconnectBackoff(this.retryStart, this.retryMax);
  }

  /** The frame for one record, as Python's `makePickle`. */
  makePickle(record: LogRecord): Buffer {
    return framePickle(recordToDict(record, this.formatter ?? traceFormatter), FLOAT_RECORD_FIELDS);
  }

  emit(record: LogRecord): void {
    if (mustNotSend(record, 'tcp', this.host, this.port, this.relay)) return;
    const frame = this.makePickle(record);
    if (this.#connected && !this.#blocked && this.#queue.length === 0) {
      this.#write(frame);
      return;
    }
    this.#queue.push(frame);
    if (this.#queue.length > this.maxBuffered) {
      this.#queue.shift();
      this.dropped++;
    }
    this.#connect();
  }

  #write(frame: Buffer): void {
    const socket = this.#socket!;
    if (!socket.write(frame, this.#written)) this.#blocked = true;
    // Data the kernel could not take yet: libuv keeps a write pending (which also keeps the
    // process alive, unref'd socket or not) until the peer reads. Watch that it does.
    if (socket.writableLength > 0 && this.#stall === undefined) {
      this.#stall = setTimeout(() => this.#stalled(socket), this.stallTimeout);
      this.#stall.unref();
    }
  }

  /** A write reached the kernel: progress. */
  #written = (): void => {
    if (this.#stall === undefined) return;
    if (this.#socket === undefined || this.#socket.writableLength === 0) this.#clearStall();
    else this.#stall.refresh();
  };

  #clearStall(): void {
    clearTimeout(this.#stall);
    this.#stall = undefined;
  }

  /** The peer took nothing for `stallTimeout`: drop the connection and what was in flight on it. */
  #stalled(socket: Socket): void {
    this.#stall = undefined;
    if (socket !== this.#socket || socket.writableLength === 0) return;
    this.dropped++; // at least the frame it was stuck on; the rest of the socket's buffer with it
    socket.destroy();
  }

  /** Hand queued frames to the socket until it pushes back. */
  #pump(): void {
    while (this.#queue.length > 0 && !this.#blocked && this.#connected) this.#write(this.#queue.shift()!);
    if (this.#queue.length === 0) this.#settleFlush();
  }

  #connect(): void {
    if (this.#socket !== undefined || this.#backoff.pending || this.closed) return;
    const socket = connect(this.port, this.host);
    socket.unref();
    this.#socket = socket;
    socket.setNoDelay(true);
    socket.on('connect', () => {
      this.#connected = true;
      this.#blocked = false;
      this.#backoff.reset();
      this.#pump();
    });
    socket.on('drain', () => {
      this.#blocked = false;
      this.#pump();
    });
    socket.on('error', () => socket.destroy());
    socket.on('close', () => {
      this.#connected = false;
      this.#blocked = false;
      this.#socket = undefined;
      this.#clearStall();
      if (this.closed) return this.#settleFlush();
      // Reconnect only when something waits to be sent; otherwise on the next emit.
      if (this.#queue.length > 0) this.#backoff.schedule(() => this.#connect());
    });
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

  /**
   * Ends the connection after what is queued (at most `maxBuffered` frames); if the peer has not
   * taken it all within `closeTimeout`, the connection is destroyed and the rest counted in
   * `dropped`. Frames that never found a peer are dropped (and counted) too.
   */
  override close(): Promise<void> {
    if (this.closed) return Promise.resolve();
    this.closed = true;
    this.#backoff.cancel();
    const socket = this.#socket;
    this.#settleFlush();
    if (socket === undefined || !this.#connected) {
      this.dropped += this.#queue.length;
      this.#queue = [];
      socket?.destroy();
      return Promise.resolve();
    }
    for (const frame of this.#queue.splice(0)) socket.write(frame);
    return new Promise((resolve) => {
      const giveUp = setTimeout(() => {
        if (socket.writableLength > 0) this.dropped++; // at least the frame it was stuck on
        socket.destroy();
      }, this.closeTimeout);
      giveUp.unref();
      socket.once('close', () => {
        clearTimeout(giveUp);
        resolve();
      });
      socket.end();
    });
  }
}
