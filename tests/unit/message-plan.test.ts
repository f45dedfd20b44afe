import { describe, expect, it } from 'vitest';
import { planMessages, stillWanted, supersededBy, type KeptMessage } from '../../src/server/notify/message-plan.js';

const MOBILE = '07700900123';
const EMAIL = 'jo@example.com';
const visit = { visitorMobile: MOBILE, visitorEmail: EMAIL, startsAt: '2026-12-02T14:00:00.000Z', lengthMinutes: 30 };
const sentTo = (channel: 'sms' | 'email', recipient: string, kind: KeptMessage['kind'] = 'booked'): KeptMessage => ({
  channel,
  recipient,
  kind,
  state: 'sent',
  mayHaveGone: true,
});

describe('which messages an event sends', () => {
  it('a booking confirms to each contact, texts first', () => {
    expect(planMessages('booked', visit, [])).toEqual([
      { kind: 'booked', channel: 'sms', recipient: MOBILE },
      { kind: 'booked', channel: 'email', recipient: EMAIL },
    ]);
  });

  it('a visit with no contact sends nothing', () => {
    expect(planMessages('booked', { ...visit, visitorMobile: null, visitorEmail: null }, [])).toEqual([]);
  });

  it('a new time is news to whoever was told; whoever was not gets the confirmation instead', () => {
    const moved = { ...visit, startsAt: '2026-12-02T15:00:00.000Z' };
    expect(planMessages('changed', moved, [sentTo('sms', MOBILE)], visit)).toEqual([
      { kind: 'changed', channel: 'sms', recipient: MOBILE },
      { kind: 'booked', channel: 'email', recipient: EMAIL },
    ]);
  });

  it('a change of bed or spelling sends nothing to whoever was told', () => {
    expect(planMessages('changed', visit, [sentTo('sms', MOBILE), sentTo('email', EMAIL)], visit)).toEqual([]);
  });

  it('a new number gets the booking confirmation, even if the old number was told', () => {
    const renumbered = { ...visit, visitorMobile: '07700900999', visitorEmail: null };
    expect(planMessages('changed', renumbered, [sentTo('sms', MOBILE)], visit)).toEqual([{ kind: 'booked', channel: 'sms', recipient: '07700900999' }]);
  });

  it('a cancellation goes only to contacts who may have heard of the visit', () => {
    const refused: KeptMessage = { ...sentTo('email', EMAIL), state: 'failed', mayHaveGone: false };
    expect(planMessages('cancelled', visit, [sentTo('sms', MOBILE), refused])).toEqual([{ kind: 'cancelled', channel: 'sms', recipient: MOBILE }]);
    expect(planMessages('cancelled', visit, [])).toEqual([]);
  });

  it('a message whose send may have happened (in doubt) counts as heard', () => {
    const inDoubt: KeptMessage = { ...sentTo('sms', MOBILE), state: 'queued', mayHaveGone: true };
    expect(planMessages('cancelled', { ...visit, visitorEmail: null }, [inDoubt])).toEqual([{ kind: 'cancelled', channel: 'sms', recipient: MOBILE }]);
  });

  it('starting sends the link to each contact', () => {
    expect(planMessages('ready', visit, []).map((m) => m.kind)).toEqual(['ready', 'ready']);
  });

  it('a resend skips a contact whose last link is still waiting to go', () => {
    const waiting: KeptMessage = { channel: 'sms', recipient: MOBILE, kind: 'ready', state: 'queued', mayHaveGone: false };
    expect(planMessages('resend', visit, [waiting])).toEqual([{ kind: 'ready', channel: 'email', recipient: EMAIL }]);
  });
});

describe('what an event makes pointless', () => {
  it('a change drops unsent confirmations and changes; a start drops them too; a cancel drops everything unsent', () => {
    expect(supersededBy('changed')).toEqual(['booked', 'changed']);
    expect(supersededBy('ready')).toEqual(['booked', 'changed']);
    expect(supersededBy('cancelled')).toEqual(['booked', 'changed', 'ready']);
    expect(supersededBy('booked')).toEqual([]);
  });

  it('a message is still sent only while it says something true', () => {
    expect(stillWanted('booked', 'booked')).toBe(true);
    expect(stillWanted('booked', 'cancelled')).toBe(false);
    expect(stillWanted('ready', 'in-progress')).toBe(true);
    expect(stillWanted('ready', 'completed')).toBe(false);
    expect(stillWanted('cancelled', 'cancelled')).toBe(true);
  });
});
