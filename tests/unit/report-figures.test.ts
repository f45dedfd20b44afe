import { describe, expect, it } from 'vitest';
import { buildReport, callMs, outcomeOf, presentMinutes, type ReportVisit } from '../../src/server/reports/index.js';

const LONDON = 'Europe/London';
const WARD = 'c0ffee00-0000-4000-8000-000000000001';

/** A visit as the store reads it, booked and nothing more unless told. */
const visit = (starts_at: string, overrides: Partial<ReportVisit> = {}): ReportVisit => ({
  ward_id: WARD,
  status: 'booked',
  starts_at,
  connected_at: null,
  ended_at: null,
  reconnections: 0,
  outage_seconds: 0,
  ...overrides,
});

/** A call that connected at `connected` and ended at `ended` (UTC instants). */
const call = (starts_at: string, connected: string, ended: string, outage_seconds = 0, reconnections = 0) =>
  visit(starts_at, { status: 'completed', connected_at: connected, ended_at: ended, outage_seconds, reconnections });

const report = (from: string, to: string, visits: ReportVisit[], feedback: { answer: string; count: number }[] = []) =>
  buildReport({ range: { from, to }, timeZone: LONDON, scope: 'All wards', visits, feedback });

describe('what one visit counts as', () => {
  it('is a completed call only when media connected; a visit the ward ended before anyone joined is not', () => {
    expect(outcomeOf({ status: 'completed', connected_at: '2026-11-21T14:21:00.000Z' })).toBe('completed');
    expect(outcomeOf({ status: 'completed', connected_at: null })).toBe('endedUnjoined');
    expect(outcomeOf({ status: 'cancelled', connected_at: null })).toBe('cancelled');
    expect(outcomeOf({ status: 'missed', connected_at: null })).toBe('missed');
    for (const status of ['booked', 'ready', 'in-progress']) expect(outcomeOf({ status, connected_at: null })).toBe('open');
  });

  it('has call time from connecting to the end, less the outages, never below zero', () => {
    expect(callMs(call('2026-11-21T14:30:00Z', '2026-11-21T14:21:00Z', '2026-11-21T14:51:00Z'))).toBe(30 * 60_000);
    expect(callMs(call('2026-11-21T14:30:00Z', '2026-11-21T14:21:00Z', '2026-11-21T14:51:00Z', 90))).toBe(28.5 * 60_000);
    expect(callMs(call('2026-11-21T14:30:00Z', '2026-11-21T14:21:00Z', '2026-11-21T14:22:00Z', 600))).toBe(0);
    // A call still going, or ended unjoined, has no call time yet.
    expect(callMs(visit('2026-11-21T14:30:00Z', { status: 'in-progress', connected_at: '2026-11-21T14:21:00Z' }))).toBe(0);
    expect(callMs(visit('2026-11-21T14:30:00Z', { status: 'completed', ended_at: '2026-11-21T14:40:00Z' }))).toBe(0);
  });
});

describe('a report', () => {
  it('lists every day of the range in order, with zeros on days with no visits, and no average without a completed call', () => {
    const answer = report('2026-11-20', '2026-11-22', []);
    expect(answer.days.map((day) => day.day)).toEqual(['2026-11-20', '2026-11-21', '2026-11-22']);
    expect(answer.days[1]).toEqual({
      day: '2026-11-21', booked: 0, completed: 0, cancelled: 0, missed: 0, endedUnjoined: 0, callMinutes: 0, reconnections: 0, outageMinutes: 0,
    });
    expect(answer.totals).toEqual({
      booked: 0, completed: 0, cancelled: 0, missed: 0, endedUnjoined: 0, totalCallMinutes: 0, averageCallMinutes: null, reconnections: 0, outageMinutes: 0,
    });
    expect(answer.feedback).toEqual({ 'very-good': 0, good: 0, neither: 0, poor: 0, 'very-poor': 0 });
  });

  it('counts every visit as booked whatever became of it, and each outcome once', () => {
    const day = '2026-11-21T10:00:00Z';
    const answer = report('2026-11-21', '2026-11-21', [
      call(day, '2026-11-21T10:00:00Z', '2026-11-21T10:30:00Z'),
      visit(day, { status: 'completed', ended_at: '2026-11-21T10:05:00Z' }),
      visit(day, { status: 'cancelled' }),
      visit(day, { status: 'missed' }),
      visit(day, { status: 'missed' }),
      visit(day, { status: 'in-progress', connected_at: '2026-11-21T10:00:00Z', reconnections: 1, outage_seconds: 30 }),
      visit(day),
    ]);
    expect(answer.totals).toMatchObject({ booked: 7, completed: 1, endedUnjoined: 1, cancelled: 1, missed: 2, totalCallMinutes: 30, averageCallMinutes: 30 });
    // What a call still going has lost so far is counted; its minutes come when it ends.
    expect(answer.totals).toMatchObject({ reconnections: 1, outageMinutes: 0.5 });
    expect(answer.days[0]).toMatchObject({ booked: 7, completed: 1, endedUnjoined: 1, callMinutes: 30 });
  });

  it('subtracts outages from call minutes, adds them up as outage minutes, and sums reconnections', () => {
    const answer = report('2026-11-21', '2026-11-22', [
      call('2026-11-21T14:30:00Z', '2026-11-21T14:21:00Z', '2026-11-21T14:51:00Z', 45, 1),
      call('2026-11-21T16:00:00Z', '2026-11-21T16:00:00Z', '2026-11-21T16:50:00Z', 135, 3),
      call('2026-11-22T09:00:00Z', '2026-11-22T09:02:00Z', '2026-11-22T09:12:20Z'),
    ]);
    // 30 min − 45 s and 50 min − 2 min 15 s: 29.25 + 47.75, added exactly, then shown.
    expect(answer.days.map((day) => [day.callMinutes, day.outageMinutes, day.reconnections])).toEqual([
      [77, 3, 4],
      [10.3, 0, 0],
    ]);
    expect(answer.totals).toMatchObject({ completed: 3, totalCallMinutes: 87.3, reconnections: 4, outageMinutes: 3 });
    // 87 min 20 s over three calls: 29 min 6.7 s each.
    expect(answer.totals.averageCallMinutes).toBe(29.1);
  });

  it('puts a visit on the hospital-local day its slot starts, across both changes of clocks', () => {
    const answer = report('2026-03-28', '2026-03-30', [
      visit('2026-03-28T23:30:00Z'), // 23:30 GMT on the 28th
      visit('2026-03-29T00:30:00Z'), // 00:30 GMT on the 29th
      visit('2026-03-29T22:59:00Z'), // 23:59 BST on the 29th
      visit('2026-03-29T23:30:00Z'), // 00:30 BST on the 30th
    ]);
    expect(answer.days.map((day) => [day.day, day.booked])).toEqual([['2026-03-28', 1], ['2026-03-29', 2], ['2026-03-30', 1]]);
    const autumn = report('2026-10-24', '2026-10-26', [
      visit('2026-10-24T22:30:00Z'), // 23:30 BST on the 24th
      visit('2026-10-24T23:30:00Z'), // 00:30 BST on the 25th
      visit('2026-10-25T00:30:00Z'), // 01:30 BST, the first of two on the 25th
      visit('2026-10-25T01:30:00Z'), // 01:30 GMT, the second
      visit('2026-10-25T23:30:00Z'), // 23:30 GMT on the 25th
      visit('2026-10-26T00:30:00Z'), // 00:30 GMT on the 26th
    ]);
    expect(autumn.days.map((day) => [day.day, day.booked])).toEqual([['2026-10-24', 1], ['2026-10-25', 4], ['2026-10-26', 1]]);
  });

  it('ignores a visit outside the range rather than inventing a day for it', () => {
    const answer = report('2026-11-21', '2026-11-21', [visit('2026-11-20T23:59:00Z'), visit('2026-11-21T00:00:00Z'), visit('2026-11-22T00:00:00Z')]);
    expect(answer.days).toHaveLength(1);
    expect(answer.totals.booked).toBe(1);
  });

  it("sums feedback by answer and ignores answers the question does not offer", () => {
    const answer = report('2026-11-21', '2026-11-21', [], [
      { answer: 'good', count: 4 },
      { answer: 'very-poor', count: 1 },
      { answer: 'good', count: 2 },
      { answer: 'brilliant', count: 9 },
    ]);
    expect(answer.feedback).toEqual({ 'very-good': 0, good: 6, neither: 0, poor: 0, 'very-poor': 1 });
  });
});

describe('minutes as presented', () => {
  it('are rounded once, to a tenth of a minute', () => {
    expect(presentMinutes(0)).toBe(0);
    expect(presentMinutes(29.25 * 60_000)).toBe(29.3);
    expect(presentMinutes(3_000)).toBe(0.1);
    expect(presentMinutes(2_999)).toBe(0);
    expect(presentMinutes(90 * 60_000 + 1)).toBe(90);
  });
});
