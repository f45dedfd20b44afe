import type { FastifyInstance } from 'fastify';
import type { TrustFunction } from '../security/proxy-trust.js';

/**
 * Says once in the log that a request carried X-Forwarded-For from a peer TRUST_PROXY does
 * not name. Behind a proxy that TRUST_PROXY misses, every client shares the proxy's address,
 * so a guesser's 30 wrong tries would refuse the whole trust, and no cookie is Secure: the
 * operator must hear of it. Not which address: it may be a client's, which is personal data.
 */
export function warnOnceOfUntrustedForwarding(http: FastifyInstance, trust: TrustFunction | false): void {
  let warned = false;
  http.addHook('onRequest', async (request) => {
    if (warned || request.headers['x-forwarded-for'] === undefined) return;
    const peer = request.raw.socket.remoteAddress;
    if (trust !== false && peer !== undefined && trust(peer, 0)) return;
    warned = true;
    request.log.warn('a request came through a proxy that TRUST_PROXY does not name: its X-Forwarded-For and X-Forwarded-Proto were ignored (see docs/deploy.md)');
  });
}
