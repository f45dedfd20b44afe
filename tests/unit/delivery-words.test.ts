import { describe, expect, it } from 'vitest';
import { deliveryOf, followUpDelayMs, refusalReason, retryDelayMs } from '../../src/server/notify/delivery-words.js';

describe("Notify's statuses in the ward's words", () => {
  it('on its way, delivered, and final without a receipt', () => {
    for (const status of ['created', 'sending', 'pending']) expect(deliveryOf('sms', status)).toEqual({ state: 'sent', final: false, reason: null });
    expect(deliveryOf('email', 'delivered')).toEqual({ state: 'delivered', final: true, reason: null });
    expect(deliveryOf('sms', 'sent')).toEqual({ state: 'sent', final: true, reason: null });
  });

  it('each failure says why in plain words, for texts and emails alike', () => {
    const sms = deliveryOf('sms', 'permanent-failure');
    expect(sms.state).toBe('not-delivered');
    expect(sms.reason).toMatch(/^The number does not exist/);
    expect(deliveryOf('email', 'permanent-failure').reason).toMatch(/^The email address does not exist/);
    expect(deliveryOf('sms', 'temporary-failure').reason).toMatch(/phone was off/);
    expect(deliveryOf('email', 'technical-failure').reason).toMatch(/Send the link again/);
  });

  it("Notify's refusals name who can act: the nurse for a number, IT for a key or template", () => {
    expect(refusalReason('sms', 'ValidationError', 'phone_number Not enough digits')).toMatch(/mobile number. Check it with the visitor$/);
    expect(refusalReason('sms', 'InvalidPhoneError', 'Not a UK mobile number')).toMatch(/mobile number. Check it with the visitor$/);
    expect(refusalReason('sms', 'BadRequestError', 'Cannot send to international mobile numbers')).toMatch(/mobile number/);
    expect(refusalReason('email', 'ValidationError', 'email_address Not a valid email address')).toMatch(/email address/);
    expect(refusalReason('sms', 'BadRequestError', "Can't send to this recipient using a team-only API key")).toMatch(/trial mode.*IT team/);
    expect(refusalReason('sms', 'AuthError', 'Invalid token: API key not found')).toMatch(/key.*IT team/);
    expect(refusalReason('email', 'BadRequestError', 'Missing personalisation: link')).toMatch(/template/);
  });
});

describe('timing', () => {
  it('retries back off from 5 seconds to at most 5 minutes', () => {
    expect(retryDelayMs(1)).toBe(5_000);
    expect(retryDelayMs(2)).toBe(10_000);
    expect(retryDelayMs(30)).toBe(300_000);
  });

  it('asks about delivery within seconds at first, then every 10 minutes at most', () => {
    expect(followUpDelayMs(0)).toBe(3_000);
    expect(followUpDelayMs(20)).toBe(600_000);
  });
});
