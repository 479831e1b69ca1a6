/**
 * A standalone log viewer server: the request handler on its own `http` server, bound to
 * 127.0.0.1 unless told otherwise, and then only with a token.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLogRequestHandler, randomToken, type LogRequestHandlerOptions } from './request-handler.js';

/**
 * Where to listen, and what to serve (see LogRequestHandlerOptions).
 * @example await createLogServer({ dir: 'logs', port: 8340 });
 */
export interface LogServerOptions extends Omit<LogRequestHandlerOptions, 'basePath'> {
  /** Default 127.0.0.1. Any other address needs a token; one is made up when none is given. */
  host?: string;
  /** Default 0: any free port (see `url`). */
  port?: number;
}

/**
 * A listening viewer.
 * @example const viewer = await createLogServer({ files: ['run.log'] }); console.log(viewer.url); await viewer.close();
 */
export interface LogServer {
  readonly server: Server;
  /** The page's address, with `?token=` when there is a token. */
  readonly url: string;
  readonly token: string | undefined;
  /** Stop listening and end open live streams. */
  close(): Promise<void>;
}

/** Header sizes are small for this API; Node's default would accept 16 KiB. */
const MAX_HEADER_BYTES = 8 * 1024;

/**
 * Start a viewer for `files` or `dir`.
 * @example
 * const viewer = await createLogServer({ dir: 'logs' });
 * console.log(`logs at ${viewer.url}`); // http://127.0.0.1:38211/
 */
export async function createLogServer(options: LogServerOptions): Promise<LogServer> {
  const host = options.host ?? '127.0.0.1';
  const loopback = isLoopback(host);
  const token = options.token ?? (loopback ? undefined : randomToken());
  const urlHost = host.includes(':') ? `[${host}]` : host;
  const handler = await createLogRequestHandler({
    ...options,
    ...(token !== undefined ? { token } : {}),
    // Without a token the Host header must name the loopback address the server is bound to.
    allowedHosts: options.allowedHosts ?? ['localhost', '127.0.0.1', '[::1]', urlHost.toLowerCase()],
  });
  const server = createServer({ maxHeaderSize: MAX_HEADER_BYTES }, (req, res) => {
    handler(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${urlHost}:${port}/${token === undefined ? '' : `?token=${encodeURIComponent(token)}`}`;
  let closed: Promise<void> | undefined;
  return {
    server,
    url,
    token,
    close: () => (closed ??= new Promise<void>((resolve) => {
      handler.close();
      server.close(() => resolve());
      server.closeAllConnections();
    })),
  };
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}
