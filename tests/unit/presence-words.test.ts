import { describe, expect, it } from 'vitest';
import { presenceLines } from '../../src/app/presence-words.js';
import type { VisitorPresence } from '../../src/shared/index.js';

const TZ = 'Europe/London';
const entry = (name: string | null, state: VisitorPresence['state'], since: string): VisitorPresence => ({ name, state, since: `2026-11-21T${since}:00.000Z` });
const words = (visitors: VisitorPresence[], status: Parameters<typeof presenceLines>[1] = 'ready') => presenceLines(visitors, status, TZ).map((line) => line.text);

describe('presence in words', () => {
  it('says each state of a visitor in the call, on the hospital clock', () => {
    expect(words([entry(null, 'opened', '14:40')])).toEqual(['Opened the link at 14:40']);
    expect(words([entry('Peter Smith', 'waiting', '14:46')])).toEqual(['Peter Smith is waiting (since 14:46)']);
    expect(words([entry('Peter Smith', 'checking', '14:47')])).toEqual(['Peter Smith is being checked by staff']);
    expect(words([entry('Peter Smith', 'in-call', '14:47')])).toEqual(['Peter Smith is in the call']);
    expect(words([entry('Peter Smith', 'reconnecting', '14:50')])).toEqual(['Peter Smith is reconnecting']);
    expect(words([entry('Peter Smith', 'left', '15:10')])).toEqual(['Peter Smith left at 15:10']);
    expect(words([entry('Peter Smith', 'turned-away', '14:48')])).toEqual(['Peter Smith was not let in']);
    // Summer time: 13:46 UTC is 14:46 in London.
    expect(presenceLines([{ name: 'Ann', state: 'waiting', since: '2027-06-01T13:46:00.000Z' }], 'ready', TZ)[0]!.text).toBe('Ann is waiting (since 14:46)');
  });

  it('marks waiting as the line to act on', () => {
    expect(presenceLines([entry('Peter Smith', 'waiting', '14:46'), entry('Ann', 'in-call', '14:40')], 'in-progress', TZ)).toEqual([
      { text: 'Peter Smith is waiting (since 14:46)', waiting: true },
      { text: 'Ann is in the call', waiting: false },
    ]);
  });

  it('before the ward pressed Start, calls a visitor waiting one who has opened the link', () => {
    expect(words([entry('Peter Smith', 'waiting', '14:46')], 'booked')).toEqual(['Peter Smith opened the link at 14:46']);
  });

  it('shows one line a person (the latest, whatever the case of the name), and one "Opened the link" for those not joined since', () => {
    const visitors = [
      entry(null, 'opened', '14:40'),
      entry('Peter Smith', 'left', '14:44'),
      entry('peter smith', 'waiting', '14:46'),
      entry('Ann', 'in-call', '14:30'),
    ];
    // The link opened at 14:40 was most likely Peter's own, who joined at 14:46.
    expect(words(visitors)).toEqual(['peter smith is waiting (since 14:46)', 'Ann is in the call']);
    expect(words([...visitors, entry(null, 'opened', '14:50'), entry(null, 'opened', '14:52')])).toEqual([
      'peter smith is waiting (since 14:46)',
      'Ann is in the call',
      'Opened the link at 14:52',
    ]);
  });

  it('shows nothing for a visit that is over', () => {
    for (const status of ['completed', 'cancelled', 'missed'] as const) expect(words([entry('Peter Smith', 'waiting', '14:46')], status)).toEqual([]);
  });
});
