import type { ApiErrorBody } from '../shared/api.js';
import type { FeedbackAnswer } from '../shared/feedback.js';

/**
 * sent: counted. refused: the server said no for good (already given, not had a call yet,
 * closed), in its words. failed: the network or the server broke; trying again may work.
 */
export type FeedbackResult = { kind: 'sent' } | { kind: 'refused'; message: string } | { kind: 'failed'; message: string };

const FAILED = 'Your feedback could not be sent. Check your internet connection, then try again.';
const BUSY = 'Your feedback could not be sent just now. Wait a minute, then try again.';
const TOO_MANY_REQUESTS = 429;

/** `POST /api/visitor-session/feedback`: the end page's one optional question. */
export async function sendFeedback(answer: FeedbackAnswer): Promise<FeedbackResult> {
  let response: Response;
  try {
    response = await fetch('/api/visitor-session/feedback', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ answer }),
    });
  } catch {
    return { kind: 'failed', message: FAILED };
  }
  if (response.ok) return { kind: 'sent' };
  if (response.status === TOO_MANY_REQUESTS || response.status >= 500) return { kind: 'failed', message: BUSY };
  const body = (await response.json().catch(() => null)) as Partial<ApiErrorBody> | null;
  return { kind: 'refused', message: body?.error?.message ?? 'Your feedback could not be sent.' };
}
