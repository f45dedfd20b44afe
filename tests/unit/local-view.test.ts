import { describe, expect, it } from 'vitest';
import type { BookingFields, Visit } from '../../src/shared/index.js';
import { mergePushed, mergeServerList, viewWithOutbox } from '../../src/visits/local-view.js';
import type { OutboxEntry } from '../../src/visits/outbox.js';
import { aVisit, bookingFields } from '../helpers/fixtures.js';

const TZ = 'Europe/London';
const visit = (id: string, version: number, startsAt = '2026-11-21T10:00:00.000Z', more: Partial<Visit> = {}): Visit =>
  aVisit({ id, version, startsAt, ...more });
const fields: BookingFields = bookingFields({ patientName: 'Pat', bed: '2', visitorName: 'Vic', date: '2027-03-27', lengthMinutes: 45, repeatDays: 2 });
const queued = (seq: number, command: OutboxEntry['command'], refused = false): OutboxEntry => ({
  seq,
  command,
  madeAt: '2026-11-20T09:00:00.000Z',
  refusal: refused ? { code: 'conflict', message: 'This visit was cancelled on another tablet.' } : null,
});

describe('the list with unsent changes on top', () => {
  it('shows an offline booking at once, one visit a day, at the hospital local time', () => {
    const listed = viewWithOutbox([], [queued(1, { type: 'book', key: 'k1', visitIds: ['n1', 'n2'], fields })], TZ);
    expect(listed.map((v) => [v.id, v.startsAt, v.version])).toEqual([
      ['n1', '2027-03-27T10:00:00.000Z', 1],
      ['n2', '2027-03-28T09:00:00.000Z', 1],
    ]);
    expect(listed[0]?.unsent).toEqual({ keys: ['k1'], refusal: null });
  });

  it('applies a change then a cancel in order, each one version further on', () => {
    const { repeatDays: _, ...change } = fields;
    const listed = viewWithOutbox(
      [visit('v1', 3)],
      [
        queued(2, { type: 'cancel', key: 'k2', visitId: 'v1', baseVersion: 4, reason: ' Unwell ' }),
        queued(1, { type: 'change', key: 'k1', visitId: 'v1', baseVersion: 3, fields: change }),
      ],
      TZ,
    );
    expect(listed[0]).toMatchObject({ version: 5, status: 'cancelled', cancelReason: 'Unwell', visitorName: 'Vic', lengthMinutes: 45 });
    expect(listed[0]).not.toHaveProperty('date');
    expect(listed[0]?.unsent?.keys).toEqual(['k1', 'k2']);
  });

  // Hazard H05: a change made offline is kept and applied exactly once
  it('does not show a refused change as if it happened, only the refusal', () => {
    const server = visit('v1', 2, undefined, { status: 'cancelled' });
    const listed = viewWithOutbox([server], [queued(1, { type: 'cancel', key: 'k1', visitId: 'v1', baseVersion: 1, reason: 'x' }, true)], TZ);
    expect(listed[0]).toMatchObject({ version: 2, status: 'cancelled', cancelReason: null });
    expect(listed[0]?.unsent?.refusal?.message).toBe('This visit was cancelled on another tablet.');
  });

  it('leaves visits with nothing unsent exactly as the server sent them', () => {
    expect(viewWithOutbox([visit('v1', 1)], [], TZ)).toEqual([visit('v1', 1)]);
  });
});

describe('merging what the server says', () => {
  const listFrom = new Date('2026-11-20T00:00:00.000Z');

  // Hazard H04: the visit list and the family's link show the current visit
  it('takes the server list as the truth for its window, keeping newer copies from command answers', () => {
    const held = [visit('a', 1), visit('b', 3), visit('gone', 1)];
    const listed = [visit('a', 2), visit('b', 2), visit('new', 1)];
    const merged = mergeServerList(held, listed, listFrom);
    expect(merged.map((v) => [v.id, v.version]).sort()).toEqual([
      ['a', 2],
      ['b', 3],
      ['new', 1],
    ]);
  });

  it('keeps older records the list no longer covers, for the daily purge to remove', () => {
    const old = visit('old', 1, '2026-11-19T10:00:00.000Z');
    expect(mergeServerList([old], [], listFrom)).toEqual([old]);
  });

  it('lets a push replace only an older or equal copy', () => {
    const merged = mergePushed([visit('a', 3), visit('b', 1)], [visit('a', 2), visit('b', 2)]);
    expect(merged.map((v) => v.version)).toEqual([3, 2]);
  });
});
