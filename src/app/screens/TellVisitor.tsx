import type { Visit } from '../../shared/index.js';
import { NotificationBanner } from '../../ui/index.js';
import { VisitorContact } from './VisitorContact.js';

export type VisitorNews = 'changed' | 'cancelled';

const HEADINGS: Record<VisitorNews, string> = { changed: 'Visit changed', cancelled: 'Visit cancelled' };

/**
 * The success banner after a change or a cancellation, with the next step: nothing tells the
 * family yet (no messages are sent), so the nurse must, and the banner says how to reach them.
 */
export function TellVisitor({ visit, news }: { visit: Visit; news: VisitorNews }) {
  const name = visit.visitorName ?? 'the visitor';
  const prompt =
    news === 'cancelled'
      ? `Tell ${name} the visit is cancelled. Their link no longer works.`
      : `Tell ${name} about the change. Their link stays the same.`;
  return (
    <NotificationBanner kind="success" id="success-banner-title" heading={HEADINGS[news]}>
      <p class="nhsuk-body">{prompt}</p>
      <VisitorContact visit={visit} />
    </NotificationBanner>
  );
}
