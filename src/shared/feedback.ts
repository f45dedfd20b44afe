import { MAX_VISITORS_PER_VISIT } from './call-protocol.js';
import type { VisitStatus } from './visit.js';

/**
 * The one optional question on the visitor's end page. Answers are kept only as counts per
 * ward and day: nothing links an answer to a visit or a person.
 */
export const FEEDBACK_QUESTION = 'How was your visit?';

/** In the order the page lists them, best first. */
export const FEEDBACK_ANSWERS = ['very-good', 'good', 'neither', 'poor', 'very-poor'] as const;
export type FeedbackAnswer = (typeof FEEDBACK_ANSWERS)[number];

export const FEEDBACK_LABELS: Record<FeedbackAnswer, string> = {
  'very-good': 'Very good',
  good: 'Good',
  neither: 'Neither good nor poor',
  poor: 'Poor',
  'very-poor': 'Very poor',
};

/** Long enough for a family to answer later that day; personal data is gone by then anyway. */
export const FEEDBACK_WINDOW_HOURS = 24;
/** One answer per visitor device that may join a visit. */
export const MAX_FEEDBACK_PER_VISIT = MAX_VISITORS_PER_VISIT;


// The body's shape is in command-schemas.ts, for the server.
export type { FeedbackBody } from './command-schemas.js';

/** What the server stores: how many of each answer a ward had on a hospital-local day. */
export interface FeedbackCount {
  /** YYYY-MM-DD in the hospital's time zone. */
  day: string;
  answer: FeedbackAnswer;
  count: number;
}

export type FeedbackWindow = 'open' | 'not-in-call' | 'closed';

/**
 * Whether a visit's link may give feedback now: only after a call has really happened (media
 * connected), and until FEEDBACK_WINDOW_HOURS after it ended. A call still going is open:
 * one of several visitor devices may have left it already.
 */
export function feedbackWindow(
  visit: { status: VisitStatus; connectedAt: string | null; endedAt: string | null },
  now: Date,
): FeedbackWindow {
  const hadCall = visit.connectedAt !== null && (visit.status === 'in-progress' || visit.status === 'completed');
  if (!hadCall) return 'not-in-call';
  if (visit.endedAt === null) return 'open';
  return now.getTime() - Date.parse(visit.endedAt) <= FEEDBACK_WINDOW_HOURS * 3_600_000 ? 'open' : 'closed';
}
