import { describe, expect, it } from 'vitest';
import { describeUnsent } from '../../src/app/unsent-changes.js';
import type { OutboxEntry } from '../../src/visits/index.js';
import { withoutRepeat } from '../../src/app/booking/draft.js';
import { book } from '../helpers/api-client.js';
import { aVisit, bookingFields } from '../helpers/fixtures.js';

const LONDON = 'Europe/London';
const entry = (seq: number, command: OutboxEntry['command'], refused = false): OutboxEntry => ({
  seq,
  command,
  madeAt: '2026-11-20T09:00:00.000Z',
  refusal: refused ? { code: 'conflict', message: 'Changed on another tablet' } : null,
});

describe('what sign-out would lose, in words', () => {
  it('names the patient, when the visit is and what the change was, oldest first', () => {
    const held = aVisit({ id: 'held', patientName: 'Cara Cancel', startsAt: '2026-11-23T14:00:00.000Z' });
    const outbox = [
      entry(2, { type: 'cancel', key: 'k2', visitId: 'held', baseVersion: 1, reason: 'Patient is unwell' }),
      entry(1, { ...book({ patientName: 'Bea Book', date: '2026-11-21', time: '09:30', repeatDays: 3 }), key: 'k1' }),
      entry(3, { type: 'change', key: 'k3', visitId: 'held', baseVersion: 2, fields: withoutRepeat(bookingFields({ patientName: 'Cara Cancel', date: '2026-11-24' })) }, true),
    ];
    expect(describeUnsent(outbox, [held], LONDON)).toEqual([
      { key: 'k1', patient: 'Bea Book', when: 'Sat 21 Nov at 09:30', change: 'new booking for 3 days', refused: false },
      { key: 'k2', patient: 'Cara Cancel', when: 'Mon 23 Nov at 14:00', change: 'cancellation', refused: false },
      { key: 'k3', patient: 'Cara Cancel', when: 'Tue 24 Nov at 10:00', change: 'change of details', refused: true },
    ]);
  });
});
