import type { BookingFields, Visit } from '../../src/shared/index.js';

/** A booked visit with plain made-up details; tests override what they are about. */
export function aVisit(overrides: Partial<Visit> = {}): Visit {
  const startsAt = overrides.startsAt ?? '2026-11-21T10:00:00.000Z';
  return {
    id: startsAt,
    version: 1,
    status: 'booked',
    startsAt,
    lengthMinutes: 30,
    patientName: 'Alex',
    bed: null,
    visitorName: 'Sam',
    visitorMobile: null,
    visitorEmail: null,
    cancelReason: null,
    rebookOf: null,
    createdAt: startsAt,
    updatedAt: startsAt,
    ...overrides,
  };
}

/** What a nurse types to book a visit at 10:00 on 21 November 2026, for one day. */
export function bookingFields(overrides: Partial<BookingFields> = {}): BookingFields {
  return {
    patientName: 'Alex',
    bed: null,
    visitorName: 'Sam',
    visitorMobile: null,
    visitorEmail: null,
    date: '2026-11-21',
    time: '10:00',
    lengthMinutes: 30,
    repeatDays: 1,
    ...overrides,
  };
}
