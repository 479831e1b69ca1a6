/**
 * The two checks a TCP or HTTP receiver makes before reading a byte: is the peer's address
 * allowed, and is there room for another connection. Refusals are reported like bad frames.
 */
import type { Server, Socket } from 'node:net';
import { peerAllowed, type PeerAllowList } from './peer-allow-list.js';
import { reportRejection, type ReceiverCallbacks } from './record-intake.js';

/** Close `socket` and report it when its address is not allowed; returns whether it was refused. */
export function refusePeer(socket: Socket, allow: PeerAllowList | undefined, callbacks: ReceiverCallbacks): boolean {
  if (peerAllowed(allow, socket.remoteAddress)) return false;
  socket.destroy();
  reportRejection(callbacks, new Error('connection refused: the address is not in the allow list'), `${socket.remoteAddress}:${socket.remotePort}`);
  return true;
}

/** Serve at most `max` connections at once; Node closes further ones on arrival, we report them. */
export function capConnections(server: Server, max: number, callbacks: ReceiverCallbacks): void {
  server.maxConnections = max;
  server.on('drop', (peer) => reportRejection(callbacks, new Error(
    `connection refused: ${max} connections already open (maxConnections)`,
  ), `${peer?.remoteAddress}:${peer?.remotePort}`));
}
