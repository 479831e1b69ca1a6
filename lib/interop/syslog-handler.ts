import { createSocket, type Socket } from 'node:dgram';
import { Handler } from '../core/handler.js';
import type { Level } from '../core/levels.js';
import { reportLoggingError } from '../core/logging-errors.js';
import type { LogRecord } from '../core/record.js';
import { facilityCode, syslogPriority, type SyslogFacility } from './syslog-priority.js';
import {
  frameSyslog, pythonSyslogMessage, rfc5424Header, rfc5424Message, type Rfc5424Header, type SyslogFraming,
} from './syslog-message.js';
import { describeTarget, SyslogStream, type StreamTarget } from './syslog-stream.js';

/** Python's `logging.handlers.SYSLOG_UDP_PORT`. */
export const SYSLOG_UDP_PORT = 514;

/** Python's `socket.SOCK_DGRAM` / `socket.SOCK_STREAM` numbers, as a dictConfig may give them. */
const SOCK_STREAM = 1;
const SOCK_DGRAM = 2;

export interface SysLogHandlerOptions {
  /** `[host, port]` (default `['localhost', 514]`), or a Unix stream socket path. */
  address?: readonly [string, number] | string;
  /** `'user'` (default), `'local0'`…, or the code. */
  facility?: SyslogFacility;
  /** `'udp'` (default for host/port) or `'tcp'`; a path is always a stream socket. */
  socktype?: 'udp' | 'tcp' | typeof SOCK_STREAM | typeof SOCK_DGRAM;
  /**
   * `'python'` (default): the bytes Python's SysLogHandler sends. `'rfc5424'`: a full RFC 5424
   * header with structured data from the record's fields and trace context.
   */
  format?: 'python' | 'rfc5424';
  /** Prefix of every message in the Python layout (Python's `ident`). */
  ident?: string;
  /** Python's `append_nul` (default true in the Python layout, false in RFC 5424). */
  appendNul?: boolean;
  /** Stream framing: `'nul'` (default in the Python layout) or `'octet-counted'` (default in RFC 5424). */
  framing?: SyslogFraming;
  /** RFC 5424 header fields and the SD-ID for structured fields (default `rt@32473`). */
  rfc5424?: Partial<Rfc5424Header>;
  /** Messages kept while a stream server is away (default 1000); beyond that they are dropped and counted. */
  maxBuffered?: number;
  /** First reconnect delay in ms (default 500), doubled per failure up to `retryMax` (default 30000). */
  retryStart?: number;
  retryMax?: number;
  level?: Level;
}

/**
 * Sends records to a syslog server as Python's `logging.handlers.SysLogHandler` does: the same
 * PRI (facility << 3 | severity from the level name), the same default layout (`%(message)s`
 * with `ident` before it and a NUL after it), over UDP, TCP or a Unix stream socket — so one
 * record from Python and from us arrive as the same bytes. `format: 'rfc5424'` sends RFC 5424
 * messages instead, with the record's structured fields and trace context as STRUCTURED-DATA
 * and octet-counted framing on streams (newlines survive).
 *
 * On a stream transport a server that is away costs a bounded buffer: reconnects back off,
 * messages beyond `maxBuffered` are dropped, counted in `dropped`, and reported once per
 * outage. Node has no Unix datagram sockets, so `/dev/log` (a datagram socket) cannot be used:
 * point the handler at a UDP/TCP input or a Unix stream socket instead.
 * @example getRtLogger().addHandler(new SysLogHandler({ address: ['127.0.0.1', 514], facility: 'local0' }));
 */
export class SysLogHandler extends Handler {
  readonly facility: number;
  readonly socktype: 'udp' | 'tcp' | 'unix';
  readonly format5424: boolean;
  ident: string;
  readonly appendNul: boolean;
  readonly framing: SyslogFraming;
  #header: Rfc5424Header | undefined;
  #host = '';
  #port = 0;
  #udp: Socket | undefined;
  /** UDP sends not yet handed to the kernel, and who waits for them. */
  #udpPending = 0;
  #udpWaiters: Array<() => void> = [];
  #stream: SyslogStream | undefined;
  #options: SysLogHandlerOptions;

  constructor(options: SysLogHandlerOptions = {}) {
    super(options.level);
    this.#options = options;
    this.facility = facilityCode(options.facility ?? 'user');
    this.format5424 = (options.format ?? 'python') === 'rfc5424';
    if (options.format !== undefined && options.format !== 'python' && options.format !== 'rfc5424') {
      throw new RangeError(`SysLogHandler format ${JSON.stringify(options.format)} is unknown; use 'python' or 'rfc5424'`);
    }
    this.ident = options.ident ?? '';
    this.appendNul = options.appendNul ?? !this.format5424;
    this.framing = options.framing ?? (this.format5424 ? 'octet-counted' : 'nul');
    if (!['nul', 'lf', 'octet-counted'].includes(this.framing)) {
      throw new RangeError(`SysLogHandler framing ${JSON.stringify(this.framing)} is unknown; use 'nul', 'lf' or 'octet-counted'`);
    }
    const address = options.address ?? ['localhost', SYSLOG_UDP_PORT];
    const socktype = options.socktype === SOCK_STREAM ? 'tcp' : options.socktype === SOCK_DGRAM ? 'udp' : options.socktype ?? 'udp';
    if (socktype !== 'udp' && socktype !== 'tcp') throw new RangeError(`SysLogHandler socktype ${JSON.stringify(options.socktype)} is unknown; use 'udp' or 'tcp'`);
    if (typeof address === 'string') {
      this.socktype = 'unix';
      this.#stream = this.#openStream({ path: address });
    } else {
      const [host, port] = address;
      if (typeof host !== 'string' || !Number.isInteger(port) || port < 1 || port > 65535) {
        throw new RangeError(`SysLogHandler address ${JSON.stringify(address)} must be [host, port] with a port in 1..65535, or a Unix socket path`);
      }
      this.#host = host;
      this.#port = port;
      this.socktype = socktype;
      if (socktype === 'tcp') this.#stream = this.#openStream({ host, port });
    }
    if (this.format5424) this.#header = rfc5424Header(options.rfc5424 ?? {});
  }

  #openStream(target: StreamTarget): SyslogStream {
    return new SyslogStream(target, {
      maxBuffered: this.#options.maxBuffered ?? 1000,
      retryStart: this.#options.retryStart ?? 500,
      retryMax: this.#options.retryMax ?? 30_000,
      onDrops: (n, err) => reportLoggingError(this, new Error(
        `SysLogHandler: ${n} message(s) dropped while ${describeTarget(target)} was unreachable`
        + `${err ? ` (${err.message})` : ''}; raise maxBuffered to keep more`)),
    });
  }

  /** Messages dropped so far because a stream server was away and the buffer was full. */
  get dropped(): number {
    return this.#stream?.dropped ?? 0;
  }

  /** Whether a stream transport is connected now (always false for UDP, which has no connection). */
  get connected(): boolean {
    return this.#stream?.connected ?? false;
  }

  /** Messages waiting for a stream server to come back. */
  get buffered(): number {
    return this.#stream?.buffered ?? 0;
  }

  /** Python's `mapPriority` + `encodePriority` for this handler's facility. */
  priorityOf(record: LogRecord): number {
    return syslogPriority(this.facility, record.levelname);
  }

  /** The message for one record, before stream framing. */
  message(record: LogRecord): Buffer {
    const text = this.format(record);
    const priority = this.priorityOf(record);
    const message = this.#header !== undefined
      ? rfc5424Message(record, priority, text, this.#header) + (this.appendNul ? '\0' : '')
      : pythonSyslogMessage(priority, this.ident, text, this.appendNul);
    return Buffer.from(message, 'utf8');
  }

  emit(record: LogRecord): void {
    const message = this.message(record);
    if (this.#stream !== undefined) {
      this.#stream.write(frameSyslog(message, this.framing));
      return;
    }
    if (this.#udp === undefined) {
      this.#udp = createSocket(this.#host.includes(':') ? 'udp6' : 'udp4');
      // A socket-level failure belongs to no single record; sends report their own in the callback.
      this.#udp.on('error', (err) => this.handleError({ msg: 'SysLogHandler socket', args: null } as unknown as LogRecord, err));
      this.#udp.unref();
    }
    this.#udpPending++;
    this.#udp.send(message, this.#port, this.#host, (err) => {
      if (err) this.handleError(record, err);
      if (--this.#udpPending === 0) this.#udpWaiters.splice(0).forEach((resolve) => resolve());
    });
  }

  /** Resolves when every record so far is handed to the kernel (UDP) or written to the server (streams). */
  override flush(): Promise<void> {
    if (this.#stream !== undefined) return this.#stream.flush();
    if (this.#udpPending === 0) return Promise.resolve();
    return new Promise((resolve) => this.#udpWaiters.push(resolve));
  }

  /** Sends what is pending, then closes; on streams, what never reached a server is reported as dropped. */
  override async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const udp = this.#udp;
    if (udp !== undefined) {
      await this.flush();
      this.#udp = undefined;
      await new Promise<void>((resolve) => udp.close(() => resolve()));
    }
    await this.#stream?.close();
  }
}
