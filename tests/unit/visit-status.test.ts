import { describe, expect, it } from 'vitest';
import { canCancel, canChange, canRebook, groupByTab, statusLabel, type Visit, type VisitStatus } from '../../src/shared/index.js';
import { aVisit } from '../helpers/fixtures.js';

const visit = (startsAt: string, status: VisitStatus = 'booked'): Visit => aVisit({ startsAt, status, patientName: 'P', visitorName: 'V' });

describe("a visit's status in words", () => {
  it('tells a visit ended with nobody joined from a call that happened, and trusts an old record without the flag', () => {
    expect(statusLabel({ status: 'completed', hadCall: false })).toBe('Ended: nobody joined');
    expect(statusLabel({ status: 'completed', hadCall: true })).toBe('Completed');
    expect(statusLabel({ status: 'completed' })).toBe('Completed');
    expect(statusLabel({ status: 'ready', hadCall: false })).toBe('Started: waiting for the visitor');
  });
});

describe('what can be done to a visit', () => {
  const now = new Date('2026-11-20T09:00:00Z');

  it('changes only booked visits that have not started', () => {
    expect(canChange(visit('2026-11-20T10:00:00Z'), now)).toBe(true);
    expect(canChange(visit('2026-11-20T08:59:00Z'), now)).toBe(false);
    for (const status of ['ready', 'in-progress', 'completed', 'cancelled', 'missed'] as const) {
      expect(canChange(visit('2026-11-20T10:00:00Z', status), now)).toBe(false);
    }
  });

  it('cancels booked and ready visits only', () => {
    const cancellable = (['booked', 'ready', 'in-progress', 'completed', 'cancelled', 'missed'] as const).filter((s) =>
      canCancel(visit('2026-11-20T10:00:00Z', s)),
    );
    expect(cancellable).toEqual(['booked', 'ready']);
  });

  it('rebooks only visits that are over: completed, missed or cancelled', () => {
    const rebookable = (['booked', 'ready', 'in-progress', 'completed', 'cancelled', 'missed'] as const).filter((s) =>
      canRebook(visit('2026-11-20T10:00:00Z', s)),
    );
    expect(rebookable).toEqual(['completed', 'cancelled', 'missed']);
  });
});

describe('visit list tabs', () => {
  // Hazard H15: visits stay at the hospital-local hour across time zones and clock changes
  it('puts visits from an hour ago to midnight in Today, later ones in Upcoming, and the 12 hours before in Past', () => {
    const now = new Date('2026-07-01T12:00:00Z'); // 13:00 in London (BST)
    const tabs = groupByTab(
      [
        visit('2026-07-01T22:59:00Z'), // 23:59 tonight
        visit('2026-07-01T23:00:00Z'), // midnight: tomorrow
        visit('2026-07-01T11:00:00Z'), // an hour ago
        visit('2026-07-01T10:59:00Z'), // just over an hour ago
        visit('2026-07-01T00:00:00Z'), // exactly 12 hours ago
        visit('2026-06-30T23:59:00Z'), // too old to list
      ],
      now,
      'Europe/London',
    );
    expect(tabs.today.map((v) => v.startsAt)).toEqual(['2026-07-01T11:00:00Z', '2026-07-01T22:59:00Z']);
    expect(tabs.upcoming.map((v) => v.startsAt)).toEqual(['2026-07-01T23:00:00Z']);
    expect(tabs.past.map((v) => v.startsAt)).toEqual(['2026-07-01T10:59:00Z', '2026-07-01T00:00:00Z']);
  });
});
