import { describe, expect, it } from 'vitest';
import { dayCount, daysOf, rangeInstants, ReportRangeError, resolveRange, startOfLocalDay } from '../../src/server/reports/index.js';
import { REPORT_DEFAULT_DAYS, REPORT_MAX_DAYS } from '../../src/shared/index.js';

const LONDON = 'Europe/London';

describe('the range a report query asks for', () => {
  it('is the last 30 days ending today when no dates are given', () => {
    expect(resolveRange({}, '2026-11-30')).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(dayCount(resolveRange({}, '2026-11-30'))).toBe(REPORT_DEFAULT_DAYS);
  });

  it('ends today without an end date, and is 30 days ending on the end date without a start date', () => {
    expect(resolveRange({ from: '2026-11-20' }, '2026-11-30')).toEqual({ from: '2026-11-20', to: '2026-11-30' });
    expect(resolveRange({ to: '2026-03-01' }, '2026-11-30')).toEqual({ from: '2026-01-31', to: '2026-03-01' });
  });

  it('may be a single day, or as long as the longest allowed', () => {
    expect(resolveRange({ from: '2026-11-21', to: '2026-11-21' }, '2026-11-30')).toEqual({ from: '2026-11-21', to: '2026-11-21' });
    // 2028 is a leap year: 366 days from 1 January to 31 December.
    expect(dayCount(resolveRange({ from: '2028-01-01', to: '2028-12-31' }, '2026-11-30'))).toBe(REPORT_MAX_DAYS);
  });

  const refusal = (query: { from?: string; to?: string }) => {
    try {
      resolveRange(query, '2026-11-30');
    } catch (error) {
      expect(error).toBeInstanceOf(ReportRangeError);
      return (error as Error).message;
    }
    throw new Error('not refused');
  };

  it('refuses a start after the end, in a sentence', () => {
    expect(refusal({ from: '2026-11-22', to: '2026-11-21' })).toBe('The start date must be on or before the end date.');
    // A start in the future with no end: the end is today, so the same refusal.
    expect(refusal({ from: '2026-12-01' })).toBe('The start date must be on or before the end date.');
  });

  it('refuses a range one day longer than the longest', () => {
    expect(refusal({ from: '2026-01-01', to: '2027-01-02' })).toBe(`A report can cover up to ${REPORT_MAX_DAYS} days. Choose a shorter date range.`);
    expect(refusal({ from: '2024-01-01' })).toMatch(/up to 366 days/);
  });

  it('refuses dates that do not exist, saying which', () => {
    expect(refusal({ from: '2026-02-30', to: '2026-03-05' })).toBe('The start date 2026-02-30 is not a real date. Check the day and month.');
    expect(refusal({ to: '2026-13-01' })).toBe('The end date 2026-13-01 is not a real date. Check the day and month.');
    expect(refusal({ from: '2027-02-29' })).toMatch(/start date 2027-02-29 is not a real date/);
    expect(resolveRange({ from: '2028-02-29', to: '2028-02-29' }, '2026-11-30').from).toBe('2028-02-29');
  });
});

describe('the days and instants a range covers', () => {
  it('lists every day in order, across a month and a year end', () => {
    expect(daysOf({ from: '2026-12-30', to: '2027-01-02' })).toEqual(['2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02']);
  });

  it('starts a day at local midnight on both sides of a change of clocks', () => {
    // Clocks went forward at 01:00 GMT on 29 March 2026 and back at 01:00 GMT on 25 October 2026.
    expect(startOfLocalDay('2026-03-29', LONDON).toISOString()).toBe('2026-03-29T00:00:00.000Z');
    expect(startOfLocalDay('2026-03-30', LONDON).toISOString()).toBe('2026-03-29T23:00:00.000Z');
    expect(startOfLocalDay('2026-10-25', LONDON).toISOString()).toBe('2026-10-24T23:00:00.000Z');
    expect(startOfLocalDay('2026-10-26', LONDON).toISOString()).toBe('2026-10-26T00:00:00.000Z');
  });

  it('starts a day whose midnight is skipped at its first minute instead', () => {
    // Chile puts its clocks forward at midnight: 6 September 2026 begins at 01:00 (UTC-3).
    expect(startOfLocalDay('2026-09-06', 'America/Santiago').toISOString()).toBe('2026-09-06T04:00:00.000Z');
  });

  it('covers a range from the start of its first day to the start of the day after its last', () => {
    // The day the clocks went back lasted 25 hours.
    const { start, end } = rangeInstants({ from: '2026-10-25', to: '2026-10-25' }, LONDON);
    expect([start.toISOString(), end.toISOString()]).toEqual(['2026-10-24T23:00:00.000Z', '2026-10-26T00:00:00.000Z']);
  });
});
