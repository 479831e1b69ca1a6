import { createSocket, type Socket } from 'node:dgram';
import { decodePickle, type PickleLimits } from './pickle-codec.js';
import { DEFAULT_UDP_LOGGING_PORT } from './datagram-handler.js';
import { announceListening } from './wire-origin.js';
import { NetworkLoggers } from './network-loggers.js';
import { peerAllowed } from './peer-allow-list.js';
import { defaultErrorReport, deliverRecord, recordFromDict, reemitThrough, reportRejection, type ReceiverOptions } from './record-intake.js';

export interface DatagramReceiverOptions extends ReceiverOptions {
  /** Port; 0 picks a free one. Default 9021, as Python's DatagramHandler expects. */
  port?: number;
  limits?: PickleLimits;
}

/**
 * Receives records from Python's `logging.handlers.DatagramHandler` (and ours): one datagram,
 * one frame (4-byte big-endian length + pickled record dict). A bad datagram is reported and
 * dropped; the next one is read as usual.
 * @example
 * const receiver = new LogRecordDatagramReceiver({ port: 9021 });
 * await receiver.listen();
 */
export class LogRecordDatagramReceiver {
  readonly options: Required<Omit<DatagramReceiverOptions, 'limits' | 'allow'>> & Pick<DatagramReceiverOptions, 'limits' | 'allow'>;
  /** The loggers created for peer-chosen names, and how many records went past the bound. */
  readonly loggerNames: NetworkLoggers;
  #socket: Socket | undefined;
  #withdraw: (() => void) | undefined;

  constructor(options: DatagramReceiverOptions = {}) {
    this.loggerNames = new NetworkLoggers(options.maxLoggerNames);
    this.options = {
      host: options.host ?? '127.0.0.1',
      port: options.port ?? DEFAULT_UDP_LOGGING_PORT,
      limits: options.limits,
      allow: options.allow,
      maxLoggerNames: this.loggerNames.maxNames,
      onRecord: options.onRecord ?? reemitThrough(this.loggerNames),
      onError: options.onError ?? defaultErrorReport('LogRecordDatagramReceiver'),
    };
  }

  /** Bind; resolves with the bound port. */
  listen(): Promise<number> {
    const socket = createSocket(this.options.host.includes(':') ? 'udp6' : 'udp4');
    this.#socket = socket;
    socket.on('message', (msg, rinfo) => {
      const peer = `${rinfo.address}:${rinfo.port}`;
      if (peerAllowed(this.options.allow, rinfo.address)) this.#receive(msg, peer);
      else reportRejection(this.options, new Error('datagram dropped: the address is not in the allow list'), peer);
    });
    return new Promise((resolve, reject) => {
      socket.once('error', reject);
      socket.bind(this.options.port, this.options.host, () => {
        socket.off('error', reject);
        this.#withdraw = announceListening('udp', this.options.host, socket.address().port);
        resolve(socket.address().port);
      });
    });
  }

  get port(): number {
    return this.#socket?.address().port ?? this.options.port;
  }

  close(): Promise<void> {
    const socket = this.#socket;
    this.#socket = undefined;
    this.#withdraw?.();
    return new Promise((resolve) => (socket === undefined ? resolve() : socket.close(() => resolve())));
  }

  #receive(msg: Buffer, peer: string): void {
    let record;
    try {
      if (msg.length < 4) throw new Error(`datagram of ${msg.length} bytes is shorter than the 4-byte length prefix`);
      const length = msg.readUInt32BE(0);
      if (length !== msg.length - 4) throw new Error(`length prefix says ${length} bytes but the datagram carries ${msg.length - 4}`);
      record = recordFromDict(decodePickle(msg.subarray(4), this.options.limits));
    } catch (err) {
      return reportRejection(this.options, new Error(`bad datagram: ${(err as Error).message}`), peer);
    }
    deliverRecord(this.options, record, peer);
  }

}
