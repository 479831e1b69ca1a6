import { createSocket, type Socket } from 'node:dgram';
import { Formatter } from '../core/formatter.js';
import { Handler } from '../core/handler.js';
import type { Level } from '../core/levels.js';
import type { LogRecord } from '../core/record.js';
import { framePickle } from './pickle-encoder.js';
import { FLOAT_RECORD_FIELDS, recordToDict } from './record-dict.js';
import { mustNotSend } from './wire-origin.js';

/** Python's `logging.handlers.DEFAULT_UDP_LOGGING_PORT`. */
export const DEFAULT_UDP_LOGGING_PORT = 9021;

const traceFormatter = new Formatter();

/**
 * Sends each record as one UDP datagram, as Python's `DatagramHandler`: the same frame as
 * {@link SocketHandler} (length prefix + protocol-1 pickle). UDP has no peer to wait for:
 * a datagram nobody receives is lost, and one larger than the path allows is reported through
 * `handleError`.
 * @example getRtLogger().addHandler(new DatagramHandler('127.0.0.1', 9021));
 */
export class DatagramHandler extends Handler {
  readonly host: string;
  readonly port: number;
  /** Also send records that arrived over the wire (see SocketHandlerOptions.relay); default false. */
  readonly relay: boolean;
  #socket: Socket | undefined;

  constructor(host = '127.0.0.1', port = DEFAULT_UDP_LOGGING_PORT, level?: Level, options: { relay?: boolean } = {}) {
    super(level);
    this.host = host;
    this.port = port;
    this.relay = options.relay ?? false;
  }

  emit(record: LogRecord): void {
    if (mustNotSend(record, 'udp', this.host, this.port, this.relay)) return;
    const frame = framePickle(recordToDict(record, this.formatter ?? traceFormatter), FLOAT_RECORD_FIELDS);
    if (this.#socket === undefined) {
      this.#socket = createSocket(this.host.includes(':') ? 'udp6' : 'udp4');
      this.#socket.unref();
    }
    this.#socket.send(frame, this.port, this.host, (err) => {
      if (err) this.handleError(record, err);
    });
  }

  override close(): void {
    this.closed = true;
    this.#socket?.close();
    this.#socket = undefined;
  }
}
