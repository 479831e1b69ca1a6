/**
 * Which records came over the wire, and which destinations lead back into this process: the two
 * facts a network handler needs so that a receiver and a sender in one program never make a loop
 * (a received record re-emitted into `RT`, sent out by a SocketHandler on `RT`, received again…).
 */
import type { LogRecord } from '../core/record.js';

/**
 * Set on every record a receiver rebuilt; its value names the peer. A registered symbol, so that
 * a second copy of this package sees the mark too, and a symbol key, so that formatters,
 * JSON lines and the pickle encoder never print it. A copied record (a filter may return one)
 * keeps it.
 */
export const RECEIVED_FROM: unique symbol = Symbol.for('railtracks-observability.receivedFrom') as never;

/** Mark a record as having arrived from `peer`. */
export function markReceived(record: LogRecord, peer: string): void {
  (record as unknown as Record<symbol, string>)[RECEIVED_FROM] = peer;
}

/**
 * The peer a record arrived from, or undefined for a record logged in this process.
 * @example receivedFrom(record) // '127.0.0.1:53712' for a record a receiver re-emitted
 */
export function receivedFrom(record: LogRecord): string | undefined {
  return (record as unknown as Record<symbol, string | undefined>)[RECEIVED_FROM];
}

/** Ports this process's receivers listen on, with how many receivers on each. */
const listeningPorts = new Map<string, number>();
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '::1', '0.0.0.0', '::', '::ffff:127.0.0.1', '']);

function key(kind: 'tcp' | 'udp', host: string, port: number): string {
  return `${kind} ${LOCAL_HOSTS.has(host.toLowerCase()) ? 'local' : host.toLowerCase()} ${port}`;
}

/** A receiver announces where it listens; the returned function withdraws it (at close). */
export function announceListening(kind: 'tcp' | 'udp', host: string, port: number): () => void {
  const k = key(kind, host, port);
  listeningPorts.set(k, (listeningPorts.get(k) ?? 0) + 1);
  let withdrawn = false;
  return () => {
    if (withdrawn) return;
    withdrawn = true;
    const n = (listeningPorts.get(k) ?? 1) - 1;
    if (n <= 0) listeningPorts.delete(k);
    else listeningPorts.set(k, n);
  };
}

/** Whether a receiver in this process listens at `host:port`: sending there only loops back. */
export function leadsBackHere(kind: 'tcp' | 'udp', host: string, port: number): boolean {
  return listeningPorts.has(key(kind, host, port));
}

/**
 * The rule every network handler applies before sending: never send a record that arrived over
 * the wire (unless the handler is a deliberate relay), never send into a receiver of this process.
 */
export function mustNotSend(record: LogRecord, kind: 'tcp' | 'udp', host: string, port: number, relay: boolean): boolean {
  return (!relay && receivedFrom(record) !== undefined) || leadsBackHere(kind, host, port);
}
