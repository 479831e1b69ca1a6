import type { Server } from 'node:net';

/**
 * Start a TCP or HTTP server on `host:port`; resolves with the bound port (useful with port 0),
 * rejects with the listen error (EADDRINUSE, EACCES) instead of emitting it unhandled.
 */
export function listenOn(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(boundPort(server, port));
    });
  });
}

/** The port a server is bound to, or `fallback` before it listens. */
export function boundPort(server: Server | undefined, fallback: number): number {
  const address = server?.address();
  return typeof address === 'object' && address !== null ? address.port : fallback;
}
