import type { MessageChannel, Visit } from '../../shared/index.js';
import { NotificationBanner } from '../../ui/index.js';
import { tellVisitorWords, type VisitorNews } from '../message-words.js';
import { useWard } from '../ward-context.js';
import { VisitorContact } from './VisitorContact.js';

const HEADINGS: Record<VisitorNews, string> = { changed: 'Visit changed', moved: 'Visit changed', cancelled: 'Visit cancelled' };

/**
 * The success banner after a change or a cancellation, with who tells the family: with
 * GOV.UK Notify and a contact, the service does (and the banner says how); otherwise the
 * nurse must, and the banner says how to reach them.
 */
export function TellVisitor({ visit, news, newContacts }: { visit: Visit; news: VisitorNews; newContacts?: MessageChannel[] | undefined }) {
  const { session } = useWard();
  const messaging = session.messaging === true;
  const name = visit.visitorName ?? 'the visitor';
  const { words, nurseTells } = tellVisitorWords({ news, name, messaging, visit, newContacts });
  return (
    <NotificationBanner kind="success" id="success-banner-title" heading={HEADINGS[news]}>
      <p class="nhsuk-body">{words}</p>
      {nurseTells && <VisitorContact visit={visit} />}
    </NotificationBanner>
  );
}
