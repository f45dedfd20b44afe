import { describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import { ApiClient, signedInDemoWard } from '../helpers/api-client.js';
import { useServer } from '../helpers/use-server.js';

const server = useServer();

function connectSocket(cookie?: string): Promise<'connected' | string> {
  const socket = io(server.url, { transports: ['websocket'], reconnection: false, extraHeaders: cookie ? { cookie } : {} });
  return new Promise((resolve) => {
    socket.on('connect', () => {
      socket.close();
      resolve('connected');
    });
    socket.on('connect_error', (error) => {
      socket.close();
      resolve(error.message);
    });
  });
}

describe('HTTP and socket.io on one port', () => {
  it('refuses a socket without a ward session', async () => {
    expect(await connectSocket()).toBe('not_signed_in');
    expect(await connectSocket('wvv_session=forged')).toBe('not_signed_in');
  });

  it('accepts a socket from a signed-in tablet, and refuses it after sign-out', async () => {
    const tablet = new ApiClient(server.url);
    const signIn = await tablet.signIn(server.demo.wardCode, server.demo.pin);
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
    expect(await connectSocket(cookie)).toBe('connected');
    await tablet.request('DELETE', '/api/session');
    expect(await connectSocket(cookie)).toBe('not_signed_in');
  });
});

describe('the built UI', () => {
  it('serves the ward tablet for any deep link, and the visitor page for join links', async () => {
    const deepLink = await fetch(`${server.url}/visits/4b0c6a36-2f76-4f3e-9a57-1b2f4a0c9e11/change`);
    expect(deepLink.status).toBe(200);
    expect(deepLink.headers.get('content-type')).toMatch(/text\/html/);
    expect(await deepLink.text()).toContain('<div id="app">');
    const joinLink = await fetch(`${server.url}/visit/some-token`);
    expect(await joinLink.text()).toContain('<title>Join a video visit');
  });

  it('sends the security headers on every page', async () => {
    const page = await fetch(`${server.url}/`);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('permissions-policy')).toContain('camera=(self)');
  });

  it('answers a missing file with 404, not the app', async () => {
    expect((await fetch(`${server.url}/assets/missing-1234.js`)).status).toBe(404);
  });
});

describe('logs', () => {
  // Hazard H11: personal data is deleted on time and never logged
  it('carry no personal data from what was booked', async () => {
    const tablet = await signedInDemoWard(server);
    const { book } = await import('../helpers/api-client.js');
    await tablet.send(book({ patientName: 'Zebedee Quarrington', visitorMobile: '07700 900123', visitorEmail: 'zq@example.com' }));
    const logs = server.logLines.join('\n');
    expect(logs).toContain('"command":"book"');
    for (const secret of ['Zebedee', 'Quarrington', '07700900123', '900123', 'zq@example.com', server.demo.pin]) {
      expect(logs).not.toContain(secret);
    }
  });
});
