import { readdirSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiClient } from '../helpers/api-client.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { visitWithLink } from './call-sockets.js';
import { TEST_MORNING } from '../helpers/test-clock.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** The Content-Security-Policy as directive → sources. */
function policy(header: string | null): Record<string, string[]> {
  return Object.fromEntries((header ?? '').split(';').map((part) => part.trim().split(/\s+/)).map(([name, ...sources]) => [name!, sources]));
}

describe('security headers', () => {
  it('are strict on pages, API answers and refusals alike', async () => {
    server = await startServer();
    const answers = await Promise.all(['/', '/visit/abc', '/api/visits', '/api/no-such-route'].map((path) => fetch(server!.url + path)));
    for (const answer of answers) {
      const csp = policy(answer.headers.get('content-security-policy'));
      expect(csp['script-src']).toEqual(["'self'"]);
      expect(csp['connect-src']).toEqual(["'self'"]);
      expect(csp['frame-ancestors']).toEqual(["'none'"]);
      expect(csp['object-src']).toEqual(["'none'"]);
      expect(csp['default-src']).toEqual(["'self'"]);
      expect(answer.headers.get('referrer-policy')).toBe('no-referrer');
      expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
      expect(answer.headers.get('x-frame-options')).toBe('DENY');
      expect(answer.headers.get('permissions-policy')).toMatch(/^camera=\(self\), microphone=\(self\), geolocation=\(\)/);
      expect(answer.headers.get('strict-transport-security')).toBeNull();
    }
  });

  it('add HSTS and Secure cookies behind the trust’s HTTPS load balancer', async () => {
    let clock = new Date(TEST_MORNING);
    server = await startServer({ now: () => clock, env: { NODE_ENV: 'production', JOIN_LINK_SECRET: 'a'.repeat(40), TRUST_PROXY: '1' } });
    const linked = await visitWithLink(server, (at) => (clock = at));
    const https = { 'x-forwarded-proto': 'https' };
    const page = await fetch(`${server.url}/`, { headers: https });
    expect(page.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    const tablet = await new ApiClient(server.url).request('POST', '/api/session', { wardCode: server.demo.wardCode, pin: server.demo.pin }, https);
    expect(tablet.headers.get('set-cookie')).toMatch(/; Secure/);
    const visitor = await new ApiClient(server.url).request('POST', '/api/visitor-session', { token: linked.token }, https);
    expect(visitor.status).toBe(200);
    expect(visitor.headers.get('set-cookie')).toMatch(/; Secure/);
  });
});

describe('the built pages', () => {
  it('hold no inline script, so the policy needs no exception', () => {
    const ui = resolve(import.meta.dirname, '../../dist/ui');
    const pages = readdirSync(ui).filter((file) => file.endsWith('.html'));
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const file of pages) {
      const html = readFileSync(join(ui, file), 'utf8');
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
      expect(scripts.length, file).toBeGreaterThan(0);
      for (const [, attributes, content] of scripts) {
        expect(attributes, file).toMatch(/\bsrc=/);
        expect(content!.trim(), file).toBe('');
      }
      expect(html, file).not.toMatch(/\son[a-z]+=/i);
    }
  });
});

describe('the static file server', () => {
  it('serves nothing outside the built UI, however the path is spelled', async () => {
    server = await startServer();
    const { port } = new URL(server.url);
    const raw = (path: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        request({ host: '127.0.0.1', port, path }, (response) => {
          let body = '';
          response.on('data', (chunk) => (body += chunk));
          response.on('end', () => resolve({ status: response.statusCode!, body }));
        })
          .on('error', reject)
          .end();
      });
    for (const path of ['/../package.json', '/%2e%2e/package.json', '/assets/%2e%2e/%2e%2e/package.json', '//package.json', '/./../package.json', '/assets/..%2f..%2fpackage.json', '/..%5c..%5cpackage.json']) {
      const answer = await raw(path);
      expect(answer.body, path).not.toContain('"allowScripts"');
      expect(answer.status, path).toBeLessThan(500);
    }
  });
});
