/**
 * `GET /api/stream`: the live tail of one file as Server-Sent Events. Every event's id is the
 * byte offset just past what it reports, and the first event's id is where the tail starts, so
 * a browser that reconnects sends `Last-Event-ID` and gets exactly the records it had not seen.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { stat } from 'node:fs/promises';
import type { LogQuery } from './log-query.js';
import { tailRecords } from './record-tail.js';

/** How a stream is paced and bounded. */
export interface StreamLimits {
  /** Poll interval of the tail, ms. */
  intervalMs: number;
  /** A resume point further back than this many bytes starts at the end instead (a `skipped` event says so). */
  maxBacklogBytes: number;
  /** A client that lets this much pile up unsent is disconnected; it resumes by Last-Event-ID. */
  maxBufferedBytes: number;
}

const HEARTBEAT_MS = 15_000;

/** Answer one stream request until the client leaves or `closing` aborts. */
export async function streamLogs(req: IncomingMessage, res: ServerResponse, file: string, query: LogQuery, params: URLSearchParams, limits: StreamLimits, closing: AbortSignal): Promise<void> {
  // Size and inode from one stat: a rotation right after it is then seen as one.
  const { size, ino } = await stat(file);
  const resumeAt = req.headers['last-event-id'] ?? params.get('from') ?? undefined;
  let start = typeof resumeAt === 'string' && /^\d+$/.test(resumeAt) ? Number(resumeAt) : size;
  let skipped = 0;
  if (start > size) start = 0;
  if (size - start > limits.maxBacklogBytes) {
    skipped = size - start;
    start = size;
  }
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  const stop = new AbortController();
  const end = () => stop.abort();
  req.on('close', end);
  closing.addEventListener('abort', end, { once: true });
  const send = (text: string): void => {
    if (stop.signal.aborted) return;
    res.write(text);
    if (res.writableLength > limits.maxBufferedBytes) {
      stop.abort();
      res.destroy();
    }
  };
  send(`retry: 1000\nid: ${start}\nevent: open\ndata: ${JSON.stringify({ from: start, size })}\n\n`);
  if (skipped > 0) send(`event: skipped\ndata: ${JSON.stringify({ bytes: skipped })}\n\n`);
  const heartbeat = setInterval(() => send(': keep-alive\n\n'), HEARTBEAT_MS).unref();
  // A line outside any record read here continues the last record: sent only if that was.
  let lastSent = false;
  try {
    await tailRecords(file, start, ino, {
      onRecord(entry, at) {
        lastSent = query.accept(entry);
        send(lastSent ? `id: ${at}\nevent: record\ndata: ${JSON.stringify(entry)}\n\n` : `id: ${at}\n\n`);
      },
      onLine(line, at) {
        send(lastSent && line !== '' ? `id: ${at}\nevent: line\ndata: ${JSON.stringify({ line })}\n\n` : `id: ${at}\n\n`);
      },
      onRestart() {
        lastSent = false;
        send('id: 0\nevent: restart\ndata: {}\n\n');
      },
    }, stop.signal, limits.intervalMs);
  } finally {
    clearInterval(heartbeat);
    req.off('close', end);
    closing.removeEventListener('abort', end);
    if (!res.destroyed) res.end();
  }
}
