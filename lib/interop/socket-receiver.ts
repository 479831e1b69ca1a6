import { createServer, type Server, type Socket } from 'node:net';
import { decodePickle, type PickleLimits } from './pickle-codec.js';
import { FrameReader } from './frame-reader.js';
import { boundPort, listenOn } from './listening.js';
import { NetworkLoggers } from './network-loggers.js';
import { capConnections, refusePeer } from './connection-guard.js';
import {
  defaultErrorReport, deliverRecord, recordFromDict, reemitThrough, reportRejection,
  type ReceiverCallbacks, type ReceiverOptions,
} from './record-intake.js';
import { announceListening } from './wire-origin.js';

/** Python's `logging.handlers.DEFAULT_TCP_LOGGING_PORT`. */
export const DEFAULT_TCP_LOGGING_PORT = 9020;

export interface SocketReceiverOptions extends ReceiverOptions {
  /** Port to listen on; 0 picks a free one. Default 9020, as Python's SocketHandler expects. */
  port?: number;
  /** Largest accepted frame body in bytes (default 1 MiB); a larger length closes the connection. */
  maxFrameBytes?: number;
  /**
   * Milliseconds a frame may take from its first byte to its last (default 10 000); a half-sent
   * frame past it closes the connection. Idle time between frames is not limited (Python's
   * SocketHandler keeps its connection open).
   */
  frameTimeout?: number;
  /** Connections served at once (default 100); further ones are closed on arrival and reported. */
  maxConnections?: number;
  /** Bounds on each decoded pickle. */
  limits?: PickleLimits;
}

/**
 * Receives records from Python's `logging.handlers.SocketHandler` (and ours): each frame is a
 * 4-byte big-endian length followed by a pickled record dict. Records are re-emitted into our
 * logger tree under their original name, level, time, message and extras. A malformed or
 * hostile frame closes only that connection, with an error naming what was wrong.
 * @example
 * const receiver = new LogRecordSocketReceiver({ port: 9020 });
 * await receiver.listen();
 * // python: logging.getLogger().addHandler(logging.handlers.SocketHandler('127.0.0.1', 9020))
 */
export class LogRecordSocketReceiver {
  readonly options: Required<Omit<SocketReceiverOptions, 'limits' | 'allow'>> & Pick<SocketReceiverOptions, 'limits' | 'allow'>;
  /** The loggers created for peer-chosen names, and how many records went past the bound. */
  readonly loggerNames: NetworkLoggers;
  #server: Server | undefined;
  #sockets = new Set<Socket>();
  #withdraw: (() => void) | undefined;

  constructor(options: SocketReceiverOptions = {}) {
    this.loggerNames = new NetworkLoggers(options.maxLoggerNames);
    this.options = {
      host: options.host ?? '127.0.0.1',
      port: options.port ?? DEFAULT_TCP_LOGGING_PORT,
      maxFrameBytes: options.maxFrameBytes ?? 1024 * 1024,
      frameTimeout: options.frameTimeout ?? 10_000,
      maxConnections: options.maxConnections ?? 100,
      maxLoggerNames: this.loggerNames.maxNames,
      limits: options.limits,
      allow: options.allow,
      onRecord: options.onRecord ?? reemitThrough(this.loggerNames),
      onError: options.onError ?? defaultErrorReport('LogRecordSocketReceiver'),
    };
  }

  /** Start listening; resolves with the bound port. */
  listen(): Promise<number> {
    const server = createServer((socket) => this.#serve(socket));
    capConnections(server, this.options.maxConnections, this.options);
    this.#server = server;
    return listenOn(server, this.options.port, this.options.host).then((port) => {
      this.#withdraw = announceListening('tcp', this.options.host, port);
      return port;
    });
  }

  /** The bound port (after `listen`). */
  get port(): number {
    return boundPort(this.#server, this.options.port);
  }

  /** Stop accepting, close open connections, resolve once the server is closed. */
  close(): Promise<void> {
    const server = this.#server;
    if (server === undefined) return Promise.resolve();
    this.#server = undefined;
    this.#withdraw?.();
    for (const socket of this.#sockets) socket.destroy();
    return new Promise((resolve) => server.close(() => resolve()));
  }

  #serve(socket: Socket): void {
    const callbacks: ReceiverCallbacks = this.options;
    if (refusePeer(socket, this.options.allow, callbacks)) return;
    const peer = `${socket.remoteAddress}:${socket.remotePort}`;
    this.#sockets.add(socket);
    const frames = new FrameReader(this.options.maxFrameBytes);
    let failed = false;
    let deadline: NodeJS.Timeout | undefined;
    let framesDone = 0;
    const fail = (message: string) => {
      if (failed) return;
      failed = true;
      clearTimeout(deadline);
      socket.destroy();
      reportRejection(callbacks, new Error(message), peer);
    };
    const onFrame = (body: Buffer): boolean => {
      let record;
      try {
        record = recordFromDict(decodePickle(body, this.options.limits));
      } catch (err) {
        fail(`bad frame: ${(err as Error).message}`);
        return false;
      }
      deliverRecord(callbacks, record, peer);
      framesDone++;
      return true;
    };
    socket.on('data', (chunk: Buffer) => {
      if (failed) return;
      const before = framesDone;
      try {
        frames.push(chunk, onFrame);
      } catch (err) {
        return fail((err as Error).message);
      }
      // The clock runs from the first byte of the frame still unfinished after this chunk.
      if (!frames.midFrame || framesDone !== before) {
        clearTimeout(deadline);
        deadline = undefined;
      }
      if (frames.midFrame && deadline === undefined && !failed) {
        deadline = setTimeout(() => fail(`frame not completed within frameTimeout (${this.options.frameTimeout} ms): `
          + `got ${frames.describeProgress()}`), this.options.frameTimeout);
        deadline.unref();
      }
    });
    socket.on('end', () => {
      if (frames.midFrame && !failed) fail(`truncated frame: the connection closed after ${frames.describeProgress()}`);
      socket.end();
    });
    socket.on('error', () => socket.destroy());
    socket.on('close', () => {
      clearTimeout(deadline);
      this.#sockets.delete(socket);
    });
  }
}
