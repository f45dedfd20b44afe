import { describe, expect, it } from 'vitest';
import { addDays, instantToLocal, localToInstant, startOfNextLocalDay } from '../../src/shared/index.js';

const LONDON = 'Europe/London';

describe('hospital local time', () => {
  // Hazard H15: visits stay at the hospital-local hour across time zones and clock changes
  it('reads winter times as GMT and summer times as BST', () => {
    expect(localToInstant({ date: '2026-12-01', time: '14:30' }, LONDON)?.toISOString()).toBe('2026-12-01T14:30:00.000Z');
    expect(localToInstant({ date: '2026-07-01', time: '14:30' }, LONDON)?.toISOString()).toBe('2026-07-01T13:30:00.000Z');
  });

  // Hazard H15: visits stay at the hospital-local hour across time zones and clock changes
  it('has no 01:30 on the day the clocks go forward', () => {
    expect(localToInstant({ date: '2027-03-28', time: '01:30' }, LONDON)).toBeNull();
    expect(localToInstant({ date: '2027-03-28', time: '02:00' }, LONDON)?.toISOString()).toBe('2027-03-28T01:00:00.000Z');
  });

  // Hazard H15: visits stay at the hospital-local hour across time zones and clock changes
  it('takes the first 01:30 on the day the clocks go back', () => {
    expect(localToInstant({ date: '2026-10-25', time: '01:30' }, LONDON)?.toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });

  // Hazard H15: visits stay at the hospital-local hour across time zones and clock changes
  it('round-trips instants to the wall clock', () => {
    expect(instantToLocal(new Date('2027-03-28T09:00:00Z'), LONDON)).toEqual({ date: '2027-03-28', time: '10:00' });
    expect(instantToLocal(new Date('2026-12-31T23:59:00Z'), 'Asia/Tokyo')).toEqual({ date: '2027-01-01', time: '08:59' });
  });

  it('refuses dates and times that do not exist on any calendar', () => {
    expect(localToInstant({ date: '2026-02-30', time: '10:00' }, LONDON)).toBeNull();
    expect(localToInstant({ date: '2026-02-03', time: '24:00' }, LONDON)).toBeNull();
    expect(localToInstant({ date: '3/2/2026', time: '10:00' }, LONDON)).toBeNull();
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });

  // Hazard H15: visits stay at the hospital-local hour across time zones and clock changes
  it('finds local midnight, which is 23:00 UTC in summer', () => {
    expect(startOfNextLocalDay(new Date('2026-07-01T12:00:00Z'), LONDON).toISOString()).toBe('2026-07-01T23:00:00.000Z');
    expect(startOfNextLocalDay(new Date('2026-12-01T23:30:00Z'), LONDON).toISOString()).toBe('2026-12-02T00:00:00.000Z');
  });
});
