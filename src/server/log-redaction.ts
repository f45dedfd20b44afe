/** A path part this long, of the characters tokens are made of, may be a token: never logged. */
const TOKEN_LIKE = /^[A-Za-z0-9_%~-]{20,}$/;

/**
 * What a log line says of a request's address. An API route logs its pattern
 * (/api/visits/:id), never the values: anything typed into a path, even by mistake, stays
 * out. An API address that matches no route logs no path at all. Pages log their path
 * without a query, normalised first (so //visit/…, /VISIT/…, /./visit/… and absolute-form
 * targets are caught), with a join link's token and anything else token-like taken out.
 */
export function loggedUrl(request: { url: string; routeOptions?: { url?: string } }): string {
  const pattern = request.routeOptions?.url;
  if (pattern?.startsWith('/api')) return pattern;
  if (request.url.startsWith('/api')) return '/api/[no such route]';
  const path = normalisedPath(request.url);
  if (path === null) return '/[unreadable address]';
  return path
    .replace(/^\/visit\/[^/]+/i, '/visit/[token]')
    .split('/')
    .map((part) => (TOKEN_LIKE.test(part) ? '[redacted]' : part))
    .join('/');
}

/** The path as a browser would resolve it: no query, no dot segments, no repeated slashes; null if unreadable. */
function normalisedPath(url: string): string | null {
  try {
    const withoutQuery = url.split(/[?#]/)[0] ?? '';
    // An absolute-form target (GET http://host/visit/… HTTP/1.1) names its path inside.
    const path = /^[a-z][a-z0-9+.-]*:/i.test(withoutQuery) ? new URL(withoutQuery).pathname : withoutQuery;
    return new URL(path.replace(/\/{2,}/g, '/'), 'http://server.invalid').pathname;
  } catch {
    return null;
  }
}
