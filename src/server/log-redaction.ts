/**
 * What a log line says of a request's address. An API route logs its pattern
 * (/api/visits/:id), never the values: anything typed into a path, even by mistake, stays
 * out. An API address that matches no route logs no path at all. Pages log their path
 * without a query, and a join link's page without its token (/visit/[token]).
 */
export function loggedUrl(request: { url: string; routeOptions?: { url?: string } }): string {
  const pattern = request.routeOptions?.url;
  if (pattern?.startsWith('/api')) return pattern;
  if (request.url.startsWith('/api')) return '/api/[no such route]';
  const path = request.url.split('?')[0] ?? '';
  return path.replace(/^\/visit\/[^/]+/, '/visit/[token]');
}
