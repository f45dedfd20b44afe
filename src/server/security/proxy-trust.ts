import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
// Fastify's own copy of proxy-addr: HTTP (request.ip) and the socket handshake walk the
// X-Forwarded-For list with the same code and the same trust function, so they cannot disagree.
import proxyAddr from '@fastify/proxy-addr';
import { ConfigError } from '../config-error.js';

/**
 * Which proxies in front of the server may say who the client is (X-Forwarded-For) and
 * which scheme it used (X-Forwarded-Proto). Without one, both headers are ignored: anyone
 * can write them.
 */
export type ProxyTrust = { hops: number } | { addresses: string[] };

/** proxy-addr's answer to "is the address at this position in the chain a proxy we trust?"; position 0 is the peer. */
export type TrustFunction = (address: string, position: number) => boolean;

/**
 * A CDN, a load balancer and nginx are three; more than this is a typo, and every extra hop
 * trusted lets a client write one more address of its choosing.
 */
export const MAX_PROXY_HOPS = 5;

const VARIABLE = 'TRUST_PROXY';
/** proxy-addr's names for the private ranges a proxy usually sits in. */
const RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/**
 * An address or range written the ordinary way. proxy-addr alone would also take "1.5" or a
 * bare "10" as an address (ipaddr.js reads those short forms), which are surely mistakes.
 */
function isAddressOrRange(entry: string): boolean {
  if (RANGE_NAMES.includes(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  if (rest.length > 0 || isIP(address) === 0 || (prefix !== undefined && !/^\d+$/.test(prefix))) return false;
  try {
    // Checks the prefix fits the address (at most /32 for IPv4, /128 for IPv6).
    proxyAddr.compile(entry);
    return true;
  } catch {
    return false;
  }
}

/** TRUST_PROXY: a number of hops (`1`), or comma-separated addresses and ranges (`10.0.0.5,10.1.0.0/16`, `loopback`). */
export function readTrustProxy(value: string | undefined): ProxyTrust | null {
  if (value === undefined || value.trim() === '') return null;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops < 1 || hops > MAX_PROXY_HOPS) {
      throw new ConfigError(VARIABLE, `must be a number of proxies from 1 to ${MAX_PROXY_HOPS}, or their addresses (it is "${value}")`);
    }
    return { hops };
  }
  const addresses = value.split(',').map((part) => part.trim());
  const wrong = addresses.find((address) => !isAddressOrRange(address));
  if (wrong !== undefined) {
    throw new ConfigError(
      VARIABLE,
      `must be a number of proxies, or comma-separated proxy addresses or ranges such as 10.0.0.5,10.1.0.0/16 ("${wrong}" is neither, in "${value}")`,
    );
  }
  return { addresses };
}

const compiled = new WeakMap<ProxyTrust, TrustFunction>();

/**
 * The trust function for Fastify's `trustProxy` and for the socket handshake; false when no
 * proxy is trusted. A hop count trusts the nearest hops whoever they are: Fastify 5 refuses a
 * bare number for that reason, so it is spelled as proxy-addr's classic hop rule here, and
 * docs/deploy.md says to use it only when nothing but the proxy can reach the server.
 */
export function trustFunction(trust: ProxyTrust | null): TrustFunction | false {
  if (!trust) return false;
  let fn = compiled.get(trust);
  if (!fn) {
    if ('hops' in trust) {
      const { hops } = trust;
      fn = (_address, position) => position < hops;
    } else {
      fn = proxyAddr.compile(trust.addresses);
    }
    compiled.set(trust, fn);
  }
  return fn;
}

/**
 * The client's address: the peer's own, or, behind trusted proxies, the X-Forwarded-For entry
 * just before them, read from the right (what the nearest proxy appended), never the
 * client-written left. The same walk as Fastify's `request.ip`.
 */
export function clientAddress(peer: string, forwardedFor: string | string[] | undefined, trust: ProxyTrust | null): string {
  const fn = trustFunction(trust);
  if (!fn) return peer;
  // Node joins repeated X-Forwarded-For headers with ", "; socket.io hands over the same object.
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(', ') : forwardedFor;
  const request = { headers: header === undefined ? {} : { 'x-forwarded-for': header }, socket: { remoteAddress: peer } };
  const chain = proxyAddr.all(request as unknown as IncomingMessage, fn);
  return chain[chain.length - 1] ?? peer;
}
