/**
 * Join links carry a secret token in their path and query strings may carry anything, so
 * logs keep only the shape of a URL: /visit/[token], /api/join/[token], no query.
 */
export function redactUrl(url: string): string {
  const path = url.split('?')[0] ?? '';
  return path.replace(/^\/visit\/[^/]+/, '/visit/[token]').replace(/^\/api\/join\/[^/]+/, '/api/join/[token]');
}
