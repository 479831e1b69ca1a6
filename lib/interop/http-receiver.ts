import { createServer, type IncomingMessage, type Server } from 'node:http';
import { FLOAT_RECORD_FIELDS } from '../core/record.js';
import { parsePythonLiteral } from '../python/literal.js';
import { defaultErrorReport, deliverRecord, recordFromDict, reemit, reportRejection, type ReceiverErrorHandler, type RecordSink } from './record-intake.js';
import { boundPort, listenOn } from './listening.js';

export interface HttpReceiverOptions {
  host?: string;
  /** Port; 0 picks a free one (default 0). */
  port?: number;
  /** Path Python's HTTPHandler posts to (its `url` argument); default '/log'. */
  path?: string;
  /** Largest accepted body or query in bytes (default 256 KiB); larger requests get 413. */
  maxBodyBytes?: number;
  onRecord?: RecordSink;
  onError?: ReceiverErrorHandler;
}

/** Fields HTTPHandler sends as text that are numbers on the record. */
const INT_FIELDS = ['levelno', 'lineno', 'thread', 'process'];

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
  readonly options: Required<HttpReceiverOptions>;
  #server: Server | undefined;

  constructor(options: HttpReceiverOptions = {}) {
    this.options = {
      host: options.host ?? '127.0.0.1', port: options.port ?? 0, path: options.path ?? '/log',
      maxBodyBytes: options.maxBodyBytes ?? 256 * 1024, onRecord: options.onRecord ?? reemit,
      onError: options.onError ?? defaultErrorReport('LogRecordHttpReceiver'),
    };
  }

  listen(): Promise<number> {
    const server = createServer((req, res) => {
      const peer = `${req.socket.remoteAddress}:${req.socket.remotePort}`;
      this.#read(req).then((form) => {
        const record = recordFromDict(formToDict(form));
        deliverRecord(this.options, record, peer);
        res.writeHead(200).end();
      }, (err: Error & { status?: number }) => {
        reportRejection(this.options, err, peer);
        res.writeHead(err.status ?? 400, { 'content-type': 'text/plain; charset=utf-8' }).end(err.message + '\n');
      }).catch((err: Error) => {
        reportRejection(this.options, err, peer);
        res.writeHead(400).end(err.message + '\n');
      });
    });
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
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      req.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > this.options.maxBodyBytes) {
          reject(fail(`body larger than maxBodyBytes (${this.options.maxBodyBytes})`, 413));
          req.destroy();
        } else chunks.push(chunk);
      });
      req.on('end', () => resolve(new URLSearchParams(Buffer.concat(chunks).toString('utf8'))));
      req.on('error', reject);
    });
  }

}
