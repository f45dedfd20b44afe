import type { Server } from 'node:http';
import type { Socket } from 'node:net';

/**
 * How long a client may take over each part of a request before its connection is cut.
 * Without these, a client that sends headers and then never finishes its body holds a
 * connection (a file descriptor) for ever: about a thousand of them stop the server
 * accepting anyone, a nurse's sign-in included.
 */
export interface ConnectionTimeouts {
  /** From the first byte of a request to the end of its headers (Node's `headersTimeout`). */
  headersMs: number;
  /** From the first byte of a request to the end of its body (`requestTimeout`). */
  requestMs: number;
  /** No byte either way on a connection, outside keep-alive (`connectionTimeout`, Node's `server.timeout`). */
  idleMs: number;
  /** An idle connection kept open between requests (`keepAliveTimeout`). */
  keepAliveMs: number;
  /** How often Node looks for requests past headersMs or requestMs (its default, 30 s, would double requestMs). */
  checkIntervalMs: number;
}

export const DEFAULT_TIMEOUTS: ConnectionTimeouts = {
  // Headers are at most 16 KB (Node's limit) and leave a tablet in one or two packets; 20 s
  // is far past a Wi-Fi hand-over's retransmissions.
  headersMs: 20_000,
  // Bodies are at most 16 KB (MAX_BODY_BYTES): about 3 s even at 50 kbit/s, a poor 2G line.
  requestMs: 30_000,
  // A socket.io long poll is held with nothing sent until the next heartbeat, 25 s by
  // default (engine.io's pingInterval), and must not be cut. WebSockets are upgraded: the
  // ws library turns this timer off for them, and requestMs never applied.
  idleMs: 60_000,
  // Longer than the 60 s a proxy keeps an idle upstream connection (nginx's keepalive_timeout,
  // cloud load balancers), so the proxy closes first and never reuses one we have just closed.
  keepAliveMs: 72_000,
  checkIntervalMs: 5_000,
};

/** The Fastify options that apply the timeouts. */
export function timeoutOptions(timeouts: ConnectionTimeouts) {
  return {
    requestTimeout: timeouts.requestMs,
    connectionTimeout: timeouts.idleMs,
    keepAliveTimeout: timeouts.keepAliveMs,
    // Node reads these two only when the server is created, so they go in its own options.
    http: { headersTimeout: timeouts.headersMs, connectionsCheckingInterval: timeouts.checkIntervalMs },
  };
}

export interface ConnectionCap {
  /** Open connections allowed from one address at once. */
  max: number;
  /** Addresses the cap does not apply to: the trust's proxy, through which everyone comes. */
  exempt: (address: string) => boolean;
  /** Told when an address first reaches the cap (not which one: addresses are personal data). */
  onCapReached: () => void;
}

/**
 * Counts open connections per peer address and destroys a new one over the cap, before it is
 * read. Timeouts bound how long a connection lasts; this bounds how many one address holds,
 * so one client cannot use up the file descriptors everyone else needs.
 */
export function capConnectionsPerAddress(server: Server, cap: ConnectionCap): void {
  const open = new Map<string, number>();
  const atCap = new Set<string>();
  server.on('connection', (socket: Socket) => {
    const address = socket.remoteAddress;
    // No address: the peer is already gone, and the socket with it.
    if (address === undefined || cap.exempt(address)) return;
    const count = open.get(address) ?? 0;
    if (count >= cap.max) {
      if (!atCap.has(address)) {
        atCap.add(address);
        cap.onCapReached();
      }
      socket.destroy();
      return;
    }
    open.set(address, count + 1);
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left > 0) return open.set(address, left);
      open.delete(address);
      // Told again only after the address has let go of everything: a client held at the cap
      // reaches it again each time one of its connections times out.
      atCap.delete(address);
    });
  });
}
