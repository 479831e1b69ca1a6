/**
 * A stream connection (TCP or a Unix stream socket) to a syslog server that may come and go.
 * While it is away, messages wait in a bounded buffer; when the buffer is full the newest are
 * dropped and counted, and the count is reported once when the outage ends (or at close).
 * Reconnects back off exponentially; timers are unref'd so the handler never keeps a process
 * alive. Writes never block the caller.
 */
import { ReconnectBackoff } from './reconnect-backoff.js';
import { connect, type Socket } from 'node:net';

/** Where to connect: host and port, or a Unix socket path. */
export type StreamTarget = { host: string; port: number } | { path: string };

export interface SyslogStreamOptions {
  /** Messages kept while the server is away (default 1000). */
  maxBuffered: number;
  /** First reconnect delay in ms, doubled per failure up to `retryMax`. */
  retryStart: number;
  retryMax: number;
  /** Told once per outage how many messages were dropped, and the last connection error. */
  onDrops: (dropped: number, lastError: Error | undefined) => void;
}

/** A readable name for the target, for reports. */
export function describeTarget(target: StreamTarget): string {
  return 'path' in target ? target.path : `${target.host}:${target.port}`;
}

export class SyslogStream {
  readonly target: StreamTarget;
  /** Messages dropped since the handler was created. */
  dropped = 0;
  #options: SyslogStreamOptions;
  #socket: Socket | undefined;
  #connected = false;
  #queue: Buffer[] = [];
  #unreported = 0;
  #lastError: Error | undefined;
  readonly #backoff: ReconnectBackoff;
  #closed = false;
  #flushWaiters: Array<() => void> = [];

  constructor(target: StreamTarget, options: SyslogStreamOptions) {
    this.target = target;
    this.#options = options;
    this.#backoff = new ReconnectBackoff(options.retryStart, options.retryMax);
  }

  get connected(): boolean {
    return this.#connected;
  }

  /** Messages waiting for the server. */
  get buffered(): number {
    return this.#queue.length;
  }

  write(frame: Buffer): void {
    if (this.#closed) return;
    if (this.#connected && this.#queue.length === 0) {
      this.#socket!.write(frame);
      return;
    }
    if (this.#queue.length >= this.#options.maxBuffered) {
      this.dropped++;
      this.#unreported++;
    } else {
      this.#queue.push(frame);
    }
    this.#connect();
  }

  #connect(): void {
    if (this.#socket !== undefined || this.#backoff.pending || this.#closed) return;
    const socket = 'path' in this.target ? connect({ path: this.target.path }) : connect(this.target.port, this.target.host);
    this.#socket = socket;
    socket.unref();
    socket.on('connect', () => {
      this.#connected = true;
      this.#backoff.reset();
      const queued = this.#queue;
      this.#queue = [];
      for (const frame of queued) socket.write(frame);
      this.#reportDrops();
      this.#settleFlush();
    });
    socket.on('error', (err) => {
      this.#lastError = err;
      socket.destroy();
    });
    socket.on('close', () => {
      this.#connected = false;
      this.#socket = undefined;
      if (this.#closed) return this.#settleFlush();
      // Reconnect only when something waits; otherwise the next write connects.
      if (this.#queue.length > 0) this.#backoff.schedule(() => this.#connect());
    });
  }

  #reportDrops(): void {
    if (this.#unreported === 0) return;
    const n = this.#unreported;
    this.#unreported = 0;
    this.#options.onDrops(n, this.#lastError);
  }

  #settleFlush(): void {
    const waiters = this.#flushWaiters;
    this.#flushWaiters = [];
    for (const resolve of waiters) resolve();
  }

  /** Resolves when every buffered message is handed to a connected socket and written out. */
  flush(): Promise<void> {
    if (this.#closed) return Promise.resolve();
    if (this.#queue.length > 0) return new Promise((resolve) => this.#flushWaiters.push(resolve));
    const socket = this.#socket;
    if (!this.#connected || socket === undefined || socket.writableLength === 0) return Promise.resolve();
    return new Promise((resolve) => socket.write(Buffer.alloc(0), () => resolve()));
  }

  /**
   * Ends the connection after writing what it holds. A connection attempt under way is awaited
   * (it ends in connect or failure, never hangs); what never reached a server is reported as dropped.
   */
  async close(): Promise<void> {
    if (this.#closed) return;
    const attempt = this.#socket;
    if (attempt !== undefined && !this.#connected && this.#queue.length > 0) {
      await new Promise((resolve) => {
        attempt.once('connect', resolve);
        attempt.once('close', resolve);
      });
    }
    if (this.#closed) return;
    this.#closed = true;
    this.#backoff.cancel();
    this.dropped += this.#queue.length;
    this.#unreported += this.#queue.length;
    this.#queue = [];
    this.#reportDrops();
    this.#settleFlush();
    const socket = this.#socket;
    if (socket === undefined) return;
    await new Promise<void>((resolve) => {
      socket.once('close', () => resolve());
      if (this.#connected) socket.end();
      else socket.destroy();
    });
  }
}
