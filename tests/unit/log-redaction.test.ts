import { describe, expect, it } from 'vitest';
import { loggedUrl } from '../../src/server/log-redaction.js';

const TOKEN = 'Qm9vbGVhbi1ibHVlLWtldHRsZS1vcmJpdC10dWxpcC0xMjM';

describe('loggedUrl', () => {
  it.each([
    `/visit/${TOKEN}`,
    `//visit/${TOKEN}`,
    `/VISIT/${TOKEN}`,
    `/./visit/${TOKEN}`,
    `/a/../visit/${TOKEN}`,
    `http://wards.example.org/visit/${TOKEN}?x=1`,
    `/visit/${TOKEN}#fragment`,
  ])('takes the token out of %s', (url) => {
    const logged = loggedUrl({ url });
    expect(logged).not.toContain(TOKEN);
    expect(logged.toLowerCase()).toBe('/visit/[token]');
  });

  // Hazard H11: personal data is deleted on time and never logged
  it('takes any token-like part out of any other page address', () => {
    expect(loggedUrl({ url: `/somewhere/${TOKEN}/else` })).toBe('/somewhere/[redacted]/else');
    expect(loggedUrl({ url: `//${TOKEN}` })).toBe('/[redacted]');
  });

  it('keeps what helps an operator: page paths and built asset names', () => {
    expect(loggedUrl({ url: '/admin/reports?from=2026-11-01' })).toBe('/admin/reports');
    expect(loggedUrl({ url: '/assets/workbox-window.prod.es5-B9dkF8sD.js' })).toBe('/assets/workbox-window.prod.es5-B9dkF8sD.js');
  });

  it('logs API routes by their pattern and unknown ones by nothing', () => {
    expect(loggedUrl({ url: '/api/visits/123', routeOptions: { url: '/api/visits/:id' } })).toBe('/api/visits/:id');
    expect(loggedUrl({ url: `/api/${TOKEN}` })).toBe('/api/[no such route]');
  });
});
