import { describe, expect, it } from 'vitest';
import { dayHeading, groupByDay, nextVisitId, rowTiming } from '../../src/app/list-rows.js';
import { timeUntil } from '../../src/app/time-until.js';
import { aVisit } from '../helpers/fixtures.js';

const TZ = 'Europe/London';
const at = (iso: string) => new Date(iso);

describe('time until the next visit', () => {
  const starts = at('2026-11-21T14:30:00Z');
  it.each([
    ['2026-11-21T14:20:00Z', 'in 10 minutes'],
    // Rounded up: 9 minutes 30 seconds to go still reads "in 10 minutes", never "in 9" too early.
    ['2026-11-21T14:20:30Z', 'in 10 minutes'],
    ['2026-11-21T14:29:30Z', 'in 1 minute'],
    ['2026-11-21T13:30:00Z', 'in 1 hour'],
    ['2026-11-21T13:25:00Z', 'in 1 hour 5 minutes'],
    ['2026-11-21T12:29:00Z', 'in 2 hours 1 minute'],
    ['2026-11-20T18:51:00Z', 'in 19 hours'],
    ['2026-11-20T14:00:00Z', 'in more than a day'],
    ['2026-11-21T14:30:00Z', 'now'],
  ])('at %s it is %s', (now, words) => {
    expect(timeUntil(starts, at(now))).toBe(words);
  });
});

describe('rows of the visit list', () => {
  it('groups visits under their day on the hospital calendar, keeping their order', () => {
    const visits = [
      aVisit({ id: 'a', startsAt: '2026-11-21T09:00:00Z' }),
      aVisit({ id: 'b', startsAt: '2026-11-21T23:30:00Z' }),
      // Half past midnight in London is 23:30 UTC the day before, in summer time.
      aVisit({ id: 'c', startsAt: '2027-06-01T23:30:00Z' }),
      aVisit({ id: 'd', startsAt: '2027-06-02T10:00:00Z' }),
    ];
    expect(groupByDay(visits, TZ).map(({ date, visits }) => [date, visits.map((v) => v.id)])).toEqual([
      ['2026-11-21', ['a', 'b']],
      ['2027-06-02', ['c', 'd']],
    ]);
  });

  it('heads a day as today, tomorrow or yesterday, or by its name', () => {
    expect(dayHeading('2026-12-01', '2026-12-01')).toBe('Today, Tuesday 1 December');
    expect(dayHeading('2026-12-02', '2026-12-01')).toBe('Tomorrow, Wednesday 2 December');
    expect(dayHeading('2026-11-30', '2026-12-01')).toBe('Yesterday, Monday 30 November');
    expect(dayHeading('2026-12-03', '2026-12-01')).toBe('Thursday 3 December');
  });

  it('tells a visit that can be started now from one hours away, a live one and one that is over', () => {
    const visit = aVisit({ startsAt: '2026-11-21T14:30:00Z' });
    expect(rowTiming(visit, at('2026-11-21T11:30:00Z'))).toBe('later');
    // The link opens 15 minutes before; so does "Start visit".
    expect(rowTiming(visit, at('2026-11-21T14:16:00Z'))).toBe('can-start');
    expect(rowTiming(visit, at('2026-11-21T14:45:00Z'))).toBe('can-start');
    expect(rowTiming({ ...visit, status: 'ready' }, at('2026-11-21T14:20:00Z'))).toBe('live');
    expect(rowTiming({ ...visit, status: 'in-progress' }, at('2026-11-21T14:40:00Z'))).toBe('live');
    expect(rowTiming({ ...visit, status: 'cancelled' }, at('2026-11-21T14:20:00Z'))).toBe('closed');
    expect(rowTiming({ ...visit, status: 'completed' }, at('2026-11-21T15:20:00Z'))).toBe('closed');
    // Never started, and past its slot and the grace after it: over, even before the job marks it missed.
    expect(rowTiming(visit, at('2026-11-21T15:31:00Z'))).toBe('closed');
  });

  it('picks as next the soonest booked visit still to come', () => {
    const visits = [
      aVisit({ id: 'started', status: 'ready', startsAt: '2026-11-21T14:30:00Z' }),
      aVisit({ id: 'late', startsAt: '2026-11-21T14:00:00Z' }),
      aVisit({ id: 'cancelled', status: 'cancelled', startsAt: '2026-11-21T14:40:00Z' }),
      aVisit({ id: 'later', startsAt: '2026-11-21T16:00:00Z' }),
      aVisit({ id: 'next', startsAt: '2026-11-21T15:00:00Z' }),
    ];
    expect(nextVisitId(visits, at('2026-11-21T14:20:00Z'))).toBe('next');
    expect(nextVisitId(visits, at('2026-11-21T17:00:00Z'))).toBeNull();
  });
});
