import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';

// Kept per request beside it rather than in the route request, so plugin routes see no change.
const sources = new WeakMap<Request, string>();

/**
 * Notes the address a request came from (the TCP peer; the workbench is reached directly,
 * never through a proxy, so no forwarding header is believed).
 */
export function noteSourceAddress(c: Context): void {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  const address = incoming?.socket.remoteAddress;
  if (address) sources.set(c.req.raw, address.startsWith('::ffff:') ? address.slice(7) : address);
}

/** Where the request came from, e.g. `192.168.1.23`; `unknown` when it was not noted. */
export function sourceAddress(raw: Request): string {
  return sources.get(raw) ?? 'unknown';
}

/** The shop PC itself. */
export function isLoopback(address: string): boolean {
  return address === '::1' || /^127\./.test(address);
}
