import { describe, expect, it } from 'vitest';
import { planCommand } from '../../src/server/commands/plan.js';
import type { BookingFields, Visit } from '../../src/shared/index.js';
import { aVisit, bookingFields } from '../helpers/fixtures.js';

const context = { now: new Date('2026-11-20T09:00:00Z'), timeZone: 'Europe/London' };
const KEY = '4b0c6a36-2f76-4f3e-9a57-1b2f4a0c9e11';
const NEW_ID = 'c3a1b2d4-0000-4000-8000-000000000001';
const fields: BookingFields = bookingFields({ bed: '3' });
const existing: Visit = aVisit({
  id: 'a7d6e1f0-0000-4000-8000-000000000001',
  version: 3,
  bed: '3',
  createdAt: '2026-11-19T09:00:00.000Z',
  updatedAt: '2026-11-19T09:00:00.000Z',
});
const { repeatDays: _, ...changeFields } = fields;

describe('planning a command', () => {
  it('books one visit a day for the days asked', () => {
    const plan = planCommand({ type: 'book', key: KEY, visitIds: [NEW_ID, `${NEW_ID.slice(0, -1)}2`, `${NEW_ID.slice(0, -1)}3`], fields: { ...fields, repeatDays: 3 } }, undefined, context);
    expect(plan.kind === 'create' && plan.visits.map((v) => v.starts_at)).toEqual([
      '2026-11-21T10:00:00.000Z',
      '2026-11-22T10:00:00.000Z',
      '2026-11-23T10:00:00.000Z',
    ]);
  });

  // Hazard H15: visits stay at the hospital-local hour across time zones and clock changes
  it('refuses a repeat that runs into the hour the clocks skip, naming the day', () => {
    const plan = planCommand(
      { type: 'book', key: KEY, visitIds: [NEW_ID, `${NEW_ID.slice(0, -1)}2`], fields: { ...fields, date: '2027-03-27', time: '01:30', repeatDays: 2 } },
      undefined,
      context,
    );
    expect(plan).toMatchObject({ kind: 'refuse', refusal: { status: 400, fields: [{ field: 'repeatDays', message: expect.stringContaining('2027-03-28') }] } });
  });

  it('a change based on the current version updates only the details', () => {
    const plan = planCommand({ type: 'change', key: KEY, visitId: existing.id, baseVersion: 3, fields: { ...changeFields, bed: '9' } }, existing, context);
    expect(plan).toMatchObject({ kind: 'update', details: { bed: '9', starts_at: '2026-11-21T10:00:00.000Z' } });
    expect(plan.kind === 'update' && 'status' in plan.details).toBe(false);
  });

  it('a change based on an older version is a conflict carrying the current visit', () => {
    const plan = planCommand({ type: 'change', key: KEY, visitId: existing.id, baseVersion: 2, fields: changeFields }, existing, context);
    expect(plan).toMatchObject({ kind: 'refuse', refusal: { status: 409, code: 'conflict', visit: existing } });
  });

  // Hazard H04: the visit list and the family's link show the current visit
  it('says a visit was cancelled elsewhere when that is what happened', () => {
    const cancelled = { ...existing, status: 'cancelled' as const, version: 4 };
    const plan = planCommand({ type: 'cancel', key: KEY, visitId: existing.id, baseVersion: 3, reason: 'x' }, cancelled, context);
    expect(plan).toMatchObject({ refusal: { message: 'This visit was cancelled on another tablet.' } });
  });

  it('rebooks from any status into a new linked visit', () => {
    const completed = { ...existing, status: 'completed' as const };
    const plan = planCommand({ type: 'rebook', key: KEY, visitId: existing.id, baseVersion: 1, visitIds: [NEW_ID], fields }, completed, context);
    expect(plan).toMatchObject({ kind: 'create', visits: [{ id: NEW_ID, rebook_of: existing.id, status: 'booked' }] });
  });

  it('commands about an unknown visit are not found', () => {
    const plan = planCommand({ type: 'cancel', key: KEY, visitId: existing.id, baseVersion: 3, reason: 'x' }, undefined, context);
    expect(plan).toMatchObject({ kind: 'refuse', refusal: { status: 404, code: 'not_found' } });
  });
});

describe('command fingerprints, which tell a retry from a reused key', () => {
  it('are the same for the same change under another key', async () => {
    const { commandFingerprint } = await import('../../src/server/commands/fingerprint.js');
    const command = { type: 'book' as const, key: KEY, visitIds: [NEW_ID], fields };
    expect(commandFingerprint({ ...command, key: 'b0c6a36f-2f76-4f3e-9a57-1b2f4a0c9e12' })).toBe(commandFingerprint(command));
    expect(commandFingerprint({ ...command, fields: { ...fields, bed: '4' } })).not.toBe(commandFingerprint(command));
  });
});
