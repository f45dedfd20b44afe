/**
 * Join links carry a secret token in their path and query strings may carry anything, so
 * logs keep only the shape of a URL: /visit/[token], /api/join/[token], no query.
 */
export function redactUrl(url: string): string {
  const path = url.split('?')[0] ?? '';
  return path.replace(/^\/visit\/[^/]+/, '/visit/[token]').replace(/^\/api\/join\/[^/]+/, '/api/join/[token]');
}

/**
 * What a log line says of a request's address. An API route logs its pattern
 * (/api/visits/:id), never the values: anything typed into a path, even by mistake, stays
 * out. An API address that matches no route logs no path at all.
 */
export function loggedUrl(request: { url: string; routeOptions?: { url?: string } }): string {
  const pattern = request.routeOptions?.url;
  if (pattern?.startsWith('/api')) return pattern;
  if (request.url.startsWith('/api')) return '/api/[no such route]';
  return redactUrl(request.url);
}
