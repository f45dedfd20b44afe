import { describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import type { Visit } from '../../src/shared/index.js';
import { ApiClient, book } from '../helpers/api-client.js';
import { useServer } from '../helpers/use-server.js';
import { hospitalTomorrow } from '../helpers/hospital-time.js';

const server = useServer();

async function signedInTablet(code = server.demo.wardCode, pin = server.demo.pin) {
  const api = new ApiClient(server.url);
  const answer = await api.signIn(code, pin);
  const cookie = answer.headers.get('set-cookie')!.split(';')[0]!;
  const socket = io(server.url, { transports: ['websocket'], reconnection: false, extraHeaders: { cookie } });
  await new Promise<void>((resolve, reject) => {
    socket.on('connect', resolve);
    socket.on('connect_error', reject);
  });
  return { api, socket };
}

function nextPush(socket: Socket): Promise<Visit[]> {
  return new Promise((resolve) => socket.once('visits-changed', ({ visits }: { visits: Visit[] }) => resolve(visits)));
}

describe('changes pushed to the ward', () => {
  // Hazard H02: a ward sees and starts only its own visits
  it("tells the ward's other tablets about a booking, and no other ward", async () => {
    const first = await signedInTablet();
    const second = await signedInTablet();
    await server.addWard('WARD2', '654321');
    const otherWard = await signedInTablet('WARD2', '654321');
    let otherWardHeard = false;
    otherWard.socket.on('visits-changed', () => (otherWardHeard = true));

    const pushed = nextPush(second.socket);
    const tomorrow = hospitalTomorrow();
    const booked = await first.api.send(book({ date: tomorrow, patientName: 'Pushed Patient' }));
    expect((await pushed).map((v) => v.id)).toEqual(booked.body.visits.map((v) => v.id));

    // A later push to the first ward proves the other ward had its chance to hear the first.
    const later = nextPush(second.socket);
    await first.api.send(book({ date: tomorrow }));
    await later;
    expect(otherWardHeard).toBe(false);
    for (const tablet of [first, second, otherWard]) tablet.socket.close();
  });

  it('closes the socket of a session at sign-out', async () => {
    const tablet = await signedInTablet();
    const closed = new Promise<string>((resolve) => tablet.socket.on('disconnect', resolve));
    await tablet.api.request('DELETE', '/api/session');
    expect(await closed).toBe('io server disconnect');
  });
});
