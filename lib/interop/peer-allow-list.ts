/**
 * Which peers a receiver serves: a list of addresses, or a predicate. Checked on the address
 * the kernel reports, never on anything the peer sends.
 */

/** Addresses a receiver accepts (`'127.0.0.1'`, `'::1'`, `'10.0.0.7'`), or a predicate on the address. */
export type PeerAllowList = readonly string[] | ((address: string) => boolean);

/** An IPv4 peer on a dual-stack socket shows up as `::ffff:a.b.c.d`; compare the plain form. */
function plainAddress(address: string): string {
  return address.startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address;
}

/** Whether `address` may send records; every address when no list is given. */
export function peerAllowed(allow: PeerAllowList | undefined, address: string | undefined): boolean {
  if (allow === undefined) return true;
  if (address === undefined) return false;
  const plain = plainAddress(address);
  return typeof allow === 'function' ? allow(plain) : allow.includes(plain);
}
