import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  newTurnUserId,
  TURN_MAX_LIFETIME_MINUTES,
  TURN_MIN_LIFETIME_MINUTES,
  turnCredential,
  turnExpiry,
} from '../../src/server/security/turn-credentials.js';
import { JOIN_GRACE_MINUTES_AFTER_END, VISIT_LENGTH_MAX_MINUTES } from '../../src/shared/index.js';

const SECRET = 'a-shared-secret-of-at-least-32-characters!';
const MINUTE = 60_000;

describe('turnCredential (coturn REST-API scheme)', () => {
  it('matches a vector computed outside Node', () => {
    // echo -n "1795000000:opaque-id_1" | openssl dgst -sha1 -hmac "$SECRET" -binary | base64
    const { username, credential } = turnCredential(SECRET, 'opaque-id_1', new Date(1_795_000_000_000));
    expect(username).toBe('1795000000:opaque-id_1');
    expect(credential).toBe('2zhPp/5yuz7HAfGgFTWuT1/Mj/0=');
  });

  it('is base64 HMAC-SHA1 of "<expiry seconds>:<id>" under the secret', () => {
    const expiresAt = new Date('2026-11-21T18:30:00.750Z');
    const id = newTurnUserId();
    const { username, credential } = turnCredential(SECRET, id, expiresAt);
    const seconds = Math.floor(expiresAt.getTime() / 1000);
    expect(username).toBe(`${seconds}:${id}`);
    expect(credential).toBe(createHmac('sha1', SECRET).update(`${seconds}:${id}`).digest('base64'));
    expect(turnCredential('another secret of at least 32 chars...', id, expiresAt).credential).not.toBe(credential);
  });

  it('refuses an id with the separator coturn splits on', () => {
    expect(() => turnCredential(SECRET, 'a:b', new Date())).toThrow(/":"/);
  });
});

describe('newTurnUserId', () => {
  it('is 128 random bits, URL-safe, with no ":"', () => {
    const ids = Array.from({ length: 200 }, newTurnUserId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });
});

describe('turnExpiry', () => {
  const now = new Date('2026-11-21T14:20:00Z');
  const at = (startsAt: string, lengthMinutes: number) => turnExpiry({ startsAt, lengthMinutes }, now).getTime();

  it('is the visit end plus the join grace when that is later than the floor', () => {
    // Starts in 10 minutes and lasts the longest bookable time: its end is past the 4 h floor.
    const startsAt = '2026-11-21T14:30:00Z';
    expect(at(startsAt, VISIT_LENGTH_MAX_MINUTES)).toBe(Date.parse(startsAt) + (VISIT_LENGTH_MAX_MINUTES + JOIN_GRACE_MINUTES_AFTER_END) * MINUTE);
  });

  // Hazard H03: a dropped call comes back by itself and the visit stays open
  it('is at least the floor from now, so an overrunning call keeps its relay', () => {
    expect(at('2026-11-21T14:30:00Z', 30)).toBe(now.getTime() + TURN_MIN_LIFETIME_MINUTES * MINUTE);
    // A call still going long after its slot: a rejoin gets a credential that lives on.
    expect(at('2026-11-21T09:00:00Z', 30)).toBe(now.getTime() + TURN_MIN_LIFETIME_MINUTES * MINUTE);
  });

  it('is at most the ceiling from now, for a visit started long before its slot', () => {
    expect(at('2026-11-23T09:00:00Z', 30)).toBe(now.getTime() + TURN_MAX_LIFETIME_MINUTES * MINUTE);
  });

  it('is whole seconds', () => {
    const odd = new Date('2026-11-21T14:20:00.999Z');
    expect(turnExpiry({ startsAt: '2026-11-21T14:30:00Z', lengthMinutes: 30 }, odd).getTime() % 1000).toBe(0);
  });
});
