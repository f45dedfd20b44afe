import type { IncomingHttpHeaders } from 'node:http';

/**
 * Whether a request came from another website, by what browsers say about it: Sec-Fetch-Site
 * (every current browser) and Origin (older ones, and WebSocket handshakes). Requests with
 * neither come from outside a browser, where cookies are the caller's own.
 */
export function isCrossSite(headers: IncomingHttpHeaders): boolean {
  const site = headers['sec-fetch-site'];
  const origin = headers.origin;
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return true;
  if (origin === undefined) return false;
  return origin === 'null' || hostOf(origin) !== headers.host;
}

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}
