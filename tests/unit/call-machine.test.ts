import { describe, expect, it } from 'vitest';
import { CONNECT_TIMEOUT_MS, nextCallState, type CallEvent, type CallState } from '../../src/call/machine.js';

const run = (events: CallEvent[], from: CallState = { name: 'idle' }) => events.reduce(nextCallState, from);

describe('the call state machine', () => {
  it('goes idle → preparing media → waiting → connecting → connected → ended', () => {
    const seen: string[] = [];
    let state: CallState = { name: 'idle' };
    for (const event of [
      { type: 'start' },
      { type: 'media-ready' },
      { type: 'joined' },
      { type: 'admitted', at: 1_000 },
      { type: 'peer-connected', at: 1_900 },
      { type: 'end' },
    ] as CallEvent[]) {
      state = nextCallState(state, event);
      seen.push(state.name);
    }
    expect(seen).toEqual(['preparing-media', 'ready', 'waiting', 'connecting', 'connected', 'ended']);
  });

  // Hazard H21: a visitor whose camera is blocked or missing can still join
  it('turns refused camera permission into words that say what to do', () => {
    const state = run([{ type: 'start' }, { type: 'media-failed', reason: 'no-camera-permission' }]);
    expect(state).toEqual({ name: 'failed', reason: 'no-camera-permission', message: expect.stringMatching(/^Your camera and microphone are blocked/) });
  });

  // Hazard H16: a call that cannot start says so and can be tried again
  it('fails with a clear message when connecting never finishes, and can try again', () => {
    const connecting = run([{ type: 'start' }, { type: 'media-ready' }, { type: 'joined' }, { type: 'admitted', at: 0 }]);
    expect(nextCallState(connecting, { type: 'tick', at: CONNECT_TIMEOUT_MS - 1 }).name).toBe('connecting');
    const failed = nextCallState(connecting, { type: 'tick', at: CONNECT_TIMEOUT_MS });
    expect(failed).toMatchObject({ name: 'failed', reason: 'never-connected' });
    expect(nextCallState(failed, { type: 'retry' })).toEqual({ name: 'preparing-media' });
    // The ward letting them in again works from the failure too.
    expect(nextCallState(failed, { type: 'admitted', at: 30_000 })).toEqual({ name: 'connecting', since: 30_000 });
  });

  it('ignores events that make no sense in a state', () => {
    const waiting = run([{ type: 'start' }, { type: 'media-ready' }, { type: 'joined' }]);
    expect(nextCallState(waiting, { type: 'peer-connected', at: 5 })).toBe(waiting);
    const ready = run([{ type: 'start' }, { type: 'media-ready' }]);
    expect(nextCallState(ready, { type: 'admitted', at: 5 })).toBe(ready);
    expect(nextCallState({ name: 'idle' }, { type: 'retry' })).toEqual({ name: 'idle' });
    const ended = run([{ type: 'start' }, { type: 'end' }]);
    expect(nextCallState(ended, { type: 'start' })).toBe(ended);
  });

  it("waits to be paired again when a peer is lost before any media; a new admit starts a fresh clock", () => {
    const connecting = run([{ type: 'start' }, { type: 'media-ready' }, { type: 'joined' }, { type: 'admitted', at: 0 }]);
    expect(nextCallState(connecting, { type: 'peer-lost', at: 5 })).toEqual({ name: 'waiting' });
    expect(nextCallState(connecting, { type: 'admitted', at: 50_000 })).toEqual({ name: 'connecting', since: 50_000 });
  });

  // Hazard H03: a dropped call comes back by itself and the visit stays open
  it('reconnects after trouble or a lost peer once connected, never gives up, and keeps the call time', () => {
    const connected = run([{ type: 'start' }, { type: 'media-ready' }, { type: 'joined' }, { type: 'admitted', at: 0 }, { type: 'peer-connected', at: 900 }]);
    for (const trouble of [{ type: 'trouble', at: 5_000 }, { type: 'peer-lost', at: 5_000 }, { type: 'admitted', at: 5_000 }] as CallEvent[]) {
      expect(nextCallState(connected, trouble)).toEqual({ name: 'reconnecting', since: 900, troubleAt: 5_000 });
    }
    const reconnecting = nextCallState(connected, { type: 'trouble', at: 5_000 });
    // Hours of outage: still reconnecting, never "failed".
    expect(nextCallState(reconnecting, { type: 'tick', at: 5_000 + 3_600_000 })).toBe(reconnecting);
    expect(nextCallState(reconnecting, { type: 'admitted', at: 9_000 })).toBe(reconnecting);
    expect(nextCallState(reconnecting, { type: 'peer-connected', at: 9_500 })).toEqual({ name: 'connected', since: 900 });
    expect(nextCallState(reconnecting, { type: 'end' })).toEqual({ name: 'ended' });
  });

  // Hazard H16: a call that cannot start says so and can be tried again
  it('gives up joining a relay that never answers with the same clear message, and can try again', () => {
    const joining = run([{ type: 'start' }, { type: 'media-ready' }, { type: 'join-requested', at: 1_000 }]);
    expect(joining).toEqual({ name: 'joining', since: 1_000 });
    expect(nextCallState(joining, { type: 'tick', at: 1_000 + CONNECT_TIMEOUT_MS - 1 })).toBe(joining);
    expect(nextCallState(joining, { type: 'joined' })).toEqual({ name: 'waiting' });
    const failed = nextCallState(joining, { type: 'tick', at: 1_000 + CONNECT_TIMEOUT_MS });
    expect(failed).toMatchObject({ name: 'failed', reason: 'never-connected', message: expect.stringMatching(/internet connection/) });
    expect(nextCallState(failed, { type: 'retry' })).toEqual({ name: 'preparing-media' });
  });

  it('a refusal from the relay ends the call with its words, from any state', () => {
    expect(run([{ type: 'start' }, { type: 'refused', message: 'This visit has been cancelled.' }])).toEqual({
      name: 'failed',
      reason: 'refused',
      message: 'This visit has been cancelled.',
    });
  });
});
