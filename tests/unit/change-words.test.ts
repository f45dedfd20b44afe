import { describe, expect, it } from 'vitest';
import { describeChange } from '../../src/app/change-words.js';
import { aVisit, bookingFields } from '../helpers/fixtures.js';

const TZ = 'Europe/London';
// 10:00 UTC on 21 November is 10:00 in London.
const visit = aVisit({ id: 'v1', patientName: 'John Smith', visitorName: 'Sam', startsAt: '2026-11-21T10:00:00.000Z' });
const based = { key: 'k1', visitId: 'v1', baseVersion: 1 } as const;
const { repeatDays: _, ...unchanged } = bookingFields({ patientName: 'John Smith', visitorName: 'Sam', bed: null, visitorMobile: null, visitorEmail: null, lengthMinutes: 30 });

describe('a refused change in words', () => {
  it('names the patient, the visit and the fields a change would have changed', () => {
    const change = { type: 'change', ...based, fields: { ...unchanged, time: '14:30', visitorName: 'Alex Jones' } } as const;
    expect(describeChange(change, visit, TZ)).toBe("Change to John Smith's visit on Sat 21 Nov at 10:00: visitor's name and time");
    expect(describeChange({ ...change, fields: { ...unchanged, bed: '4', time: '14:30', lengthMinutes: 45 } }, visit, TZ)).toBe(
      "Change to John Smith's visit on Sat 21 Nov at 10:00: bed, time and length",
    );
  });

  it('names a cancel, a rebooking and a booking', () => {
    expect(describeChange({ type: 'cancel', ...based, reason: 'Patient is unwell' }, visit, TZ)).toBe("Cancelling John Smith's visit on Sat 21 Nov at 10:00");
    expect(describeChange({ type: 'rebook', ...based, visitIds: ['n1'], fields: { ...unchanged, date: '2026-11-22', repeatDays: 1 } }, visit, TZ)).toBe(
      "Rebooking John Smith's visit for Sun 22 Nov at 10:00",
    );
    expect(describeChange({ type: 'book', key: 'k2', visitIds: ['n1', 'n2'], fields: { ...unchanged, patientName: 'Ann Lee', repeatDays: 2 } }, undefined, TZ)).toBe(
      'Booking a visit for Ann Lee on Sat 21 Nov at 10:00, every day for 2 days',
    );
  });

  it('still names what it can when the tablet no longer has the visit', () => {
    expect(describeChange({ type: 'cancel', ...based, reason: 'x' }, undefined, TZ)).toBe("Cancelling the patient's visit");
  });
});
