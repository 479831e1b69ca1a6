/**
 * The log viewer as one request handler: the page at `/`, and the read-only JSON API under
 * `/api/`. Every request is checked before anything is read: method (GET/HEAD only), size,
 * Host (a page elsewhere cannot reach a loopback server through DNS rebinding), and the token
 * when there is one. Files are addressed by catalog name only (see FileCatalog).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { FileCatalog, NotServedError } from './file-catalog.js';
import { BadQueryError, parseLogQuery, queryPage } from './log-query.js';
import { streamLogs } from './log-stream.js';
import { loadTimeline, NotAStampFileError } from './timeline-endpoint.js';
import { viewerPage } from './page/page-html.js';

/**
 * Which files to serve and how to guard them.
 * @example await createLogRequestHandler({ dir: 'logs', basePath: '/logs', token: process.env.LOGS_TOKEN });
 */
export interface LogRequestHandlerOptions {
  /** The log (and stamp JSON) files to serve; rotated backups are not added. */
  files?: readonly string[];
  /** Or: every file directly in this folder, as it is at each request. */
  dir?: string;
  /** When set, every request must carry it (`Authorization: Bearer …` or `?token=`). */
  token?: string;
  /** Where the handler is mounted on a larger server, e.g. `/logs`. Default: the root. */
  basePath?: string;
  /** Host names accepted in the Host header when there is no token. Default: loopback names. */
  allowedHosts?: readonly string[];
  /** Live-tail streams open at once; more are answered 503. Default 8. */
  maxStreams?: number;
  /** Page queries running at once; more are answered 503. Default 8. */
  maxQueries?: number;
  /** Live-tail poll interval, ms. Default 200. */
  pollIntervalMs?: number;
}

/**
 * Handles a request when its path is under the handler's `basePath` (returns true), otherwise
 * leaves it to the caller (returns false). `close()` ends open streams.
 * @example http.createServer((req, res) => { if (!logs(req, res)) res.writeHead(404).end(); });
 */
export interface LogRequestHandler {
  (req: IncomingMessage, res: ServerResponse): boolean;
  close(): void;
}

const MAX_URL_LENGTH = 4096;
const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];
const COMMON_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

class HttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

/**
 * Build the handler for an existing `http` server.
 * @example
 * const logs = await createLogRequestHandler({ dir: 'logs', basePath: '/logs' });
 * http.createServer((req, res) => { if (!logs(req, res)) myApp(req, res); }).listen(3000, '127.0.0.1');
 */
export async function createLogRequestHandler(options: LogRequestHandlerOptions): Promise<LogRequestHandler> {
  const catalog = await FileCatalog.open(options);
  const base = (options.basePath ?? '').replace(/\/+$/, '');
  const tokenDigest = options.token === undefined ? undefined : digest(options.token);
  const hosts = new Set((options.allowedHosts ?? LOOPBACK_HOSTS).map((h) => h.toLowerCase()));
  const limits = { intervalMs: options.pollIntervalMs ?? 200, maxBacklogBytes: 4 * 1024 * 1024, maxBufferedBytes: 8 * 1024 * 1024 };
  const maxStreams = options.maxStreams ?? 8;
  const maxQueries = options.maxQueries ?? 8;
  const closing = new AbortController();
  let streams = 0;
  let queries = 0;

  const route = async (req: IncomingMessage, res: ServerResponse, url: URL, path: string): Promise<void> => {
    if (path === '/' || path === '') return sendPage(res, base);
    if (path === '/api/files') return sendJson(res, 200, { files: await catalog.list() });
    const name = url.searchParams.get('file');
    if (path === '/api/logs' || path === '/api/stream') {
      if (name === null) throw new HttpError(400, 'file is required: one of the names GET /api/files lists');
      const file = await catalog.resolve(name);
      const query = parseLogQuery(url.searchParams);
      if (path === '/api/stream') {
        if (req.method === 'HEAD') throw new HttpError(405, 'the live stream is a GET request (Server-Sent Events)');
        if (streams >= maxStreams) throw new HttpError(503, `at most ${maxStreams} live streams at once; close one`);
        streams++;
        try {
          return await streamLogs(req, res, file, query, url.searchParams, limits, closing.signal);
        } finally {
          streams--;
        }
      }
      if (queries >= maxQueries) throw new HttpError(503, `at most ${maxQueries} page queries at once; retry shortly`);
      queries++;
      const gone = new AbortController();
      res.on('close', () => gone.abort());
      try {
        // Without a cursor the page ends at the size seen now, and the live tail starts there.
        const size = (await stat(file)).size;
        const page = await queryPage(file, query.before === undefined ? { ...query, before: size } : query, gone.signal);
        return sendJson(res, 200, { file: name, logs: page.records, page: query.page, page_size: query.pageSize, has_more: page.hasMore, next_before: page.nextBefore ?? null, size });
      } finally {
        queries--;
      }
    }
    if (path === '/api/timeline') {
      if (name === null) throw new HttpError(400, 'file is required: a stamp JSON that GET /api/files lists with format "stamps"');
      const loaded = await loadTimeline(await catalog.resolve(name), name);
      if (url.searchParams.get('format') === 'html') return sendTimelinePage(res, loaded.html());
      return sendJson(res, 200, { file: name, timeline: loaded.timeline });
    }
    throw new HttpError(404, `no such endpoint: ${path.slice(0, 200)}`);
  };

  const handler = ((req: IncomingMessage, res: ServerResponse): boolean => {
    const rawUrl = req.url ?? '/';
    const pathOnly = rawUrl.split('?', 1)[0]!;
    if (base !== '' && pathOnly !== base && !pathOnly.startsWith(`${base}/`)) return false;
    void (async () => {
      try {
        if (rawUrl.length > MAX_URL_LENGTH) throw new HttpError(414, `the URL is longer than ${MAX_URL_LENGTH} characters`);
        if (req.method !== 'GET' && req.method !== 'HEAD') {
          res.setHeader('allow', 'GET, HEAD');
          throw new HttpError(405, 'the log viewer is read-only: GET and HEAD only');
        }
        if (hasBody(req)) throw new HttpError(413, 'requests to the log viewer carry no body');
        const url = new URL(rawUrl, 'http://viewer.invalid');
        if (tokenDigest === undefined) {
          const host = (req.headers.host ?? '').toLowerCase().replace(/:\d+$/, '');
          if (!hosts.has(host)) throw new HttpError(403, `Host ${JSON.stringify(host.slice(0, 100))} is not served without a token; open the viewer via 127.0.0.1 or localhost`);
        } else if (!tokenMatches(req, url, tokenDigest)) {
          throw new HttpError(401, 'a token is required: open the URL printed at start (…/?token=…) or send Authorization: Bearer <token>');
        }
        await route(req, res, url, url.pathname.slice(base.length));
      } catch (err) {
        sendError(res, err);
      }
    })();
    return true;
  }) as LogRequestHandler;
  handler.close = () => closing.abort();
  return handler;
}

/** A fresh random token, as `createLogServer` makes when binding beyond loopback. */
export function randomToken(): string {
  return randomBytes(24).toString('base64url');
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/** Compared as digests in constant time, so response timing tells nothing about the token. */
function tokenMatches(req: IncomingMessage, url: URL, expected: Buffer): boolean {
  const header = req.headers.authorization;
  const given = header?.startsWith('Bearer ') === true ? header.slice(7) : url.searchParams.get('token');
  return given !== null && timingSafeEqual(digest(given), expected);
}

function hasBody(req: IncomingMessage): boolean {
  const length = req.headers['content-length'];
  return (length !== undefined && length !== '0') || req.headers['transfer-encoding'] !== undefined;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...COMMON_HEADERS, 'content-type': 'application/json; charset=utf-8', 'content-security-policy': "default-src 'none'; frame-ancestors 'none'" });
  res.end(res.req.method === 'HEAD' ? undefined : text);
}

function sendPage(res: ServerResponse, base: string): void {
  const nonce = randomBytes(16).toString('base64');
  res.writeHead(200, {
    ...COMMON_HEADERS,
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; connect-src 'self'; frame-src 'self'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
  });
  res.end(res.req.method === 'HEAD' ? undefined : viewerPage(nonce, base));
}

function sendTimelinePage(res: ServerResponse, html: string): void {
  // The page's own meta policy applies too; this one adds that only the viewer may frame it.
  res.writeHead(200, { ...COMMON_HEADERS, 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "frame-ancestors 'self'; form-action 'none'" });
  res.end(res.req.method === 'HEAD' ? undefined : html);
}

function sendError(res: ServerResponse, err: unknown): void {
  const status = err instanceof HttpError ? err.status
    : err instanceof NotServedError ? 404
      : err instanceof BadQueryError || err instanceof RangeError ? 400
        : err instanceof NotAStampFileError ? 422 : 500;
  if (res.headersSent) {
    res.destroy();
    return;
  }
  // An unexpected failure says only that it happened: its message could name a server path.
  const message = status === 500 ? 'the log viewer failed to answer this request' : (err as Error).message;
  sendJson(res, status, { error: message });
}
