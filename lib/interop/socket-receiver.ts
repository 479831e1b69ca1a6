import { createServer, type Server, type Socket } from 'node:net';
import { decodePickle, type PickleLimits } from './pickle-codec.js';
import { defaultErrorReport, deliverRecord, recordFromDict, reemit, reportRejection, type ReceiverErrorHandler, type RecordSink } from './record-intake.js';
import { boundPort, listenOn } from './listening.js';
import { announceListening } from './wire-origin.js';

/** Python's `logging.handlers.DEFAULT_TCP_LOGGING_PORT`. */
export const DEFAULT_TCP_LOGGING_PORT = 9020;

export interface SocketReceiverOptions {
  /** Interface to bind; loopback by default. The protocol has no authentication. */
  host?: string;
  /** Port to listen on; 0 picks a free one. Default 9020, as Python's SocketHandler expects. */
  port?: number;
  /** Largest accepted frame body in bytes (default 1 MiB); a larger length closes the connection. */
  maxFrameBytes?: number;
  /** Bounds on each decoded pickle. */
  limits?: PickleLimits;
  /** Where records go; default: the logger of the same name in our tree. */
  onRecord?: RecordSink;
  /** Called for each rejected frame (the connection is then closed); default: one stderr line. */
  onError?: ReceiverErrorHandler;
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
  readonly options: Required<Omit<SocketReceiverOptions, 'limits'>> & { limits: PickleLimits };
  #server: Server | undefined;
  #sockets = new Set<Socket>();
  #withdraw: (() => void) | undefined;

  constructor(options: SocketReceiverOptions = {}) {
    this.options = {
      host: options.host ?? '127.0.0.1',
      port: options.port ?? DEFAULT_TCP_LOGGING_PORT,
      maxFrameBytes: options.maxFrameBytes ?? 1024 * 1024,
      limits: options.limits ?? {},
      onRecord: options.onRecord ?? reemit,
      onError: options.onError ?? defaultErrorReport('LogRecordSocketReceiver'),
    };
  }

  /** Start listening; resolves with the bound port. */
  listen(): Promise<number> {
    const server = createServer((socket) => this.#serve(socket));
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
    this.#sockets.add(socket);
    const peer = `${socket.remoteAddress}:${socket.remotePort}`;
    let pending: Buffer = Buffer.alloc(0);
    let failed = false;
    const fail = (message: string) => {
      if (failed) return;
      failed = true;
      socket.destroy();
      reportRejection(this.options, new Error(message), peer);
    };
    socket.on('data', (chunk: Buffer) => {
      if (failed) return;
      pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
      while (pending.length >= 4) {
        const length = pending.readUInt32BE(0);
        if (length > this.options.maxFrameBytes) {
          return fail(`frame length ${length} exceeds maxFrameBytes (${this.options.maxFrameBytes}); `
            + 'the peer is not speaking the logging socket protocol, or raise maxFrameBytes');
        }
        if (pending.length < 4 + length) break;
        const body = pending.subarray(4, 4 + length);
        pending = pending.subarray(4 + length);
        let record;
        try {
          record = recordFromDict(decodePickle(body, this.options.limits));
        } catch (err) {
          return fail(`bad frame: ${(err as Error).message}`);
        }
        deliverRecord(this.options, record, peer);
      }
    });
    socket.on('end', () => {
      if (pending.length > 0 && !failed) {
        const expected = pending.length >= 4 ? `${4 + pending.readUInt32BE(0)}` : 'at least 4';
        fail(`truncated frame: the connection closed after ${pending.length} of ${expected} bytes`);
      }
      socket.end();
    });
    socket.on('error', () => socket.destroy());
    socket.on('close', () => this.#sockets.delete(socket));
  }

}
