import { createServer, type IncomingMessage, type Server } from 'node:http';
import { FLOAT_RECORD_FIELDS } from '../core/record.js';
import { parsePythonLiteral } from '../python/literal.js';
import { NetworkLoggers } from './network-loggers.js';
import { capConnections, refusePeer } from './connection-guard.js';
import { defaultErrorReport, deliverRecord, recordFromDict, reemitThrough, reportRejection, type ReceiverOptions } from './record-intake.js';
import { boundPort, listenOn } from './listening.js';

export interface HttpReceiverOptions extends ReceiverOptions {
  /** Port; 0 picks a free one (default 0). */
  port?: number;
  /** Path Python's HTTPHandler posts to (its `url` argument); default '/log'. */
  path?: string;
  /** Largest accepted body or query in bytes (default 256 KiB); larger requests get 413. */
  maxBodyBytes?: number;
  /** Connections served at once (default 100); further ones are closed on arrival and reported. */
  maxConnections?: number;
  /** Milliseconds a request may take to arrive in full (default 10 000), as Node's `requestTimeout`. */
  requestTimeout?: number;
}

/** Fields HTTPHandler sends as text that are numbers on the record. */
const INT_FIELDS = ['levelno', 'lineno', 'thread', 'process'];
/** An oversized body is read and discarded up to this many times maxBodyBytes before the 413. */
const DISCARD_FACTOR = 8;

/**
 * Turn HTTPHandler's form fields (every value `str()`'d by Python) back into a record dict:
 * numbers become numbers, `None` becomes null, and `msg % args` is merged when `args` is a
 * Python literal we can read; otherwise `msg` is kept as sent and `args` stays text.
 */
function formToDict(form: URLSearchParams): Record<string, unknown> {
  const d: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const [k, v] of form) d[k] = v === 'None' ? null : v;
  for (const k of INT_FIELDS) if (typeof d[k] === 'string' && /^-?\d+$/.test(d[k])) d[k] = Number(d[k]);
  for (const k of FLOAT_RECORD_FIELDS) if (typeof d[k] === 'string' && d[k] !== '' && !Number.isNaN(Number(d[k]))) d[k] = Number(d[k]);
  if (typeof d.args === 'string') {
    const args = parsePythonLiteral(d.args);
    d.args = args === undefined ? null : args;
    if (args === undefined) d.args_text = form.get('args');
  }
  // HTTPHandler sends the exc_info tuple's repr, not a traceback: keep it readable as a field.
  if (typeof d.exc_info === 'string') d.exc_info_text = d.exc_info;
  d.exc_info = null;
  return d;
}

/**
 * Receives records from Python's `logging.handlers.HTTPHandler`, GET or POST: the record's
 * attributes form-encoded (in the query for GET, the body for POST). Each record is re-emitted
 * into our logger tree; the response is 200 when it was accepted, 400 with the reason otherwise.
 * @example
 * const receiver = new LogRecordHttpReceiver({ port: 9022, path: '/log' });
 * await receiver.listen(); // python: HTTPHandler('127.0.0.1:9022', '/log', method='POST')
 */
export class LogRecordHttpReceiver {
  readonly options: Required<Omit<HttpReceiverOptions, 'allow'>> & Pick<HttpReceiverOptions, 'allow'>;
  /** The loggers created for peer-chosen names, and how many records went past the bound. */
  readonly loggerNames: NetworkLoggers;
  #server: Server | undefined;

  constructor(options: HttpReceiverOptions = {}) {
    this.loggerNames = new NetworkLoggers(options.maxLoggerNames);
    this.options = {
      host: options.host ?? '127.0.0.1', port: options.port ?? 0, path: options.path ?? '/log',
      maxBodyBytes: options.maxBodyBytes ?? 256 * 1024, maxConnections: options.maxConnections ?? 100,
      requestTimeout: options.requestTimeout ?? 10_000, allow: options.allow, maxLoggerNames: this.loggerNames.maxNames,
      onRecord: options.onRecord ?? reemitThrough(this.loggerNames),
      onError: options.onError ?? defaultErrorReport('LogRecordHttpReceiver'),
    };
  }

  listen(): Promise<number> {
    const server = createServer({ requestTimeout: this.options.requestTimeout }, (req, res) => {
      const peer = `${req.socket.remoteAddress}:${req.socket.remotePort}`;
      this.#read(req).then((form) => {
        const record = recordFromDict(formToDict(form));
        deliverRecord(this.options, record, peer);
        res.writeHead(200).end();
      }, (err: Error & { status?: number; close?: boolean }) => {
        reportRejection(this.options, err, peer);
        const headers: Record<string, string> = { 'content-type': 'text/plain; charset=utf-8' };
        if (err.close === true) headers.connection = 'close';
        res.writeHead(err.status ?? 400, headers).end(err.message + '\n');
      }).catch((err: Error) => {
        reportRejection(this.options, err, peer);
        res.writeHead(400).end(err.message + '\n');
      });
    });
    capConnections(server, this.options.maxConnections, this.options);
    server.on('connection', (socket) => refusePeer(socket, this.options.allow, this.options));
    this.#server = server;
    return listenOn(server, this.options.port, this.options.host);
  }

  get port(): number {
    return boundPort(this.#server, this.options.port);
  }

  close(): Promise<void> {
    const server = this.#server;
    this.#server = undefined;
    if (server === undefined) return Promise.resolve();
    server.closeAllConnections();
    return new Promise((resolve) => server.close(() => resolve()));
  }

  #read(req: IncomingMessage): Promise<URLSearchParams> {
    const url = new URL(req.url ?? '/', 'http://receiver');
    const fail = (message: string, status = 400) => Object.assign(new Error(message), { status });
    if (url.pathname !== this.options.path) return Promise.reject(fail(`unknown path ${url.pathname}; records go to ${this.options.path}`, 404));
    if (req.method === 'GET') {
      if ((req.url ?? '').length > this.options.maxBodyBytes) return Promise.reject(fail('query too large', 413));
      return Promise.resolve(url.searchParams);
    }
    if (req.method !== 'POST') return Promise.reject(fail(`method ${req.method} is not accepted; HTTPHandler uses GET or POST`, 405));
    const max = this.options.maxBodyBytes;
    const tooLarge = (close: boolean) => Object.assign(fail(`body larger than maxBodyBytes (${max})`, 413), { close });
    // Reading (and discarding) an oversized body to its end lets the client read the 413;
    // closing mid-body makes its kernel reset the connection. Past this much, close anyway.
    const discardLimit = DISCARD_FACTOR * max;
    if (Number(req.headers['content-length']) > discardLimit) {
      req.resume();
      return Promise.reject(tooLarge(true));
    }
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      req.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size <= max) chunks.push(chunk);
        else if (size > discardLimit) {
          reject(tooLarge(true));
          req.pause();
        } else chunks.length = 0;
      });
      req.on('end', () => (size > max ? reject(tooLarge(false)) : resolve(new URLSearchParams(Buffer.concat(chunks).toString('utf8')))));
      req.on('error', reject);
    });
  }

}
