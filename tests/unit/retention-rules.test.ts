import { describe, expect, it } from 'vitest';
import { personalDataDue, RETENTION_CHECK_INTERVAL_MS, retentionCutoff, type VisitTimes } from '../../src/server/jobs/retention-rules.js';

const HOUR_MS = 3_600_000;
const now = new Date('2026-11-21T12:00:00Z');

describe('retentionCutoff', () => {
  // Hazard H11: personal data is deleted on time and never logged
  it('is one check interval short of the retention period, so a row due just after a run is cleared in time', () => {
    expect(retentionCutoff(now, 24 * HOUR_MS).toISOString()).toBe('2026-11-20T12:10:00.000Z');
    expect(retentionCutoff(now, HOUR_MS).toISOString()).toBe('2026-11-21T11:10:00.000Z');
  });

  it('makes a row due one interval before its deadline, so the run after that, at most an interval later, clears it in time', () => {
    const closed = Date.parse('2026-11-20T08:00:00Z');
    const dueFrom = closed + 24 * HOUR_MS - RETENTION_CHECK_INTERVAL_MS;
    expect(retentionCutoff(new Date(dueFrom), 24 * HOUR_MS).getTime()).toBe(closed);
    expect(retentionCutoff(new Date(dueFrom + 1), 24 * HOUR_MS).getTime()).toBeGreaterThan(closed);
  });

  it('never reaches into the future when the interval exceeds the retention', () => {
    expect(retentionCutoff(now, HOUR_MS, 2 * HOUR_MS).getTime()).toBe(now.getTime());
  });
});

const visit = (overrides: Partial<VisitTimes>): VisitTimes => ({
  status: 'booked',
  starts_at: '2026-11-25T10:00:00.000Z',
  length_minutes: 30,
  ended_at: null,
  updated_at: '2026-11-19T10:00:00.000Z',
  ...overrides,
});
const cutoff = new Date('2026-11-20T12:00:00Z');
const before = '2026-11-20T11:59:59.000Z';
const after = '2026-11-20T12:00:01.000Z';

describe('personalDataDue', () => {
  it('clears a completed visit by when it ended, or its last change if no end was recorded', () => {
    expect(personalDataDue(visit({ status: 'completed', ended_at: before, updated_at: after }), cutoff)).toBe(true);
    expect(personalDataDue(visit({ status: 'completed', ended_at: after, updated_at: after }), cutoff)).toBe(false);
    expect(personalDataDue(visit({ status: 'completed', ended_at: null, updated_at: before }), cutoff)).toBe(true);
  });

  it('clears a cancelled or missed visit by when it was cancelled or marked, even if its slot is still ahead', () => {
    for (const status of ['cancelled', 'missed']) {
      expect(personalDataDue(visit({ status, updated_at: before }), cutoff), status).toBe(true);
      expect(personalDataDue(visit({ status, updated_at: after }), cutoff), status).toBe(false);
    }
  });

  // Hazard H11: personal data is deleted on time and never logged
  it('keeps an open visit until its slot has ended before the cutoff, whatever its status', () => {
    for (const status of ['booked', 'ready', 'in-progress']) {
      expect(personalDataDue(visit({ status, updated_at: before }), cutoff), status).toBe(false);
      expect(personalDataDue(visit({ status, starts_at: '2026-11-20T11:30:00.000Z', length_minutes: 30 }), cutoff), status).toBe(false);
      expect(personalDataDue(visit({ status, starts_at: '2026-11-20T11:29:00.000Z', length_minutes: 30 }), cutoff), status).toBe(true);
    }
  });

  it('clears a visit closed recently once its slot is long over (say, cancelled after the slot, before the missed check)', () => {
    expect(personalDataDue(visit({ status: 'cancelled', starts_at: '2026-11-19T09:00:00.000Z', updated_at: after }), cutoff)).toBe(true);
  });
});
