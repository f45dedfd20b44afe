import { describe, expect, it } from 'vitest';
import { FEEDBACK_ANSWERS, FEEDBACK_LABELS, feedbackWindow } from '../../src/shared/index.js';
import { feedbackSchema } from '../../src/shared/command-schemas.js';

const ended = '2026-11-21T14:51:00.000Z';
const connected = '2026-11-21T14:21:00.000Z';
const at = (iso: string) => new Date(iso);

describe('when feedback may be given', () => {
  it('only once the visit has been in a call', () => {
    for (const status of ['booked', 'ready', 'cancelled', 'missed'] as const) {
      expect(feedbackWindow({ status, connectedAt: null, endedAt: null }, at(ended)), status).toBe('not-in-call');
    }
    expect(feedbackWindow({ status: 'completed', connectedAt: null, endedAt: ended }, at(ended))).toBe('not-in-call');
    expect(feedbackWindow({ status: 'in-progress', connectedAt: connected, endedAt: null }, at(ended))).toBe('open');
  });

  it('until 24 hours after the call ended', () => {
    const visit = { status: 'completed', connectedAt: connected, endedAt: ended } as const;
    expect(feedbackWindow(visit, at('2026-11-22T14:51:00.000Z'))).toBe('open');
    expect(feedbackWindow(visit, at('2026-11-22T14:51:00.001Z'))).toBe('closed');
  });
});

describe('the feedback question', () => {
  it('has five answers, each with words for people', () => {
    expect(FEEDBACK_ANSWERS).toEqual(['very-good', 'good', 'neither', 'poor', 'very-poor']);
    expect(FEEDBACK_ANSWERS.map((answer) => FEEDBACK_LABELS[answer])).toEqual(['Very good', 'Good', 'Neither good nor poor', 'Poor', 'Very poor']);
  });

  it('accepts exactly one of them, and nothing else in the body', () => {
    expect(feedbackSchema.parse({ answer: 'neither' })).toEqual({ answer: 'neither' });
    for (const bad of [{ answer: 'Good' }, { answer: '' }, {}, { answer: 'good', visitor: 'Sam' }, null, 'good']) {
      expect(feedbackSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });
});
