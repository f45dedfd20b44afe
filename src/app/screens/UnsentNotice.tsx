import { Button, NotificationBanner, Tag } from '../../ui/index.js';
import type { ListedVisit } from '../../visits/index.js';
import { describeChange } from '../change-words.js';
import { useVisitState, useWard } from '../ward-context.js';

/**
 * On a visit's page: its changes that are only on this tablet. A refused one says what the
 * change was and the server's words, and can be discarded (or redone with "Change visit").
 */
export function UnsentNotice({ visit }: { visit: ListedVisit }) {
  const { session, store } = useWard();
  const { outbox } = useVisitState(store);
  if (!visit.unsent) return null;
  const { refusal, keys } = visit.unsent;
  if (!refusal) {
    return (
      <div class="nhsuk-inset-text">
        <span class="nhsuk-u-visually-hidden">Information: </span>
        <p>
          <Tag colour="yellow">Not sent yet</Tag> This is saved on this tablet and will be sent by itself when the tablet is back
          online.
        </p>
      </div>
    );
  }
  const refused = outbox.find((entry) => entry.refusal !== null && keys.includes(entry.command.key));
  return (
    <div class="nhsuk-u-margin-bottom-5">
      <NotificationBanner
        kind="important"
        id="not-accepted-title"
        title="A change to this visit was not accepted"
        heading={refused ? describeChange(refused.command, visit, session.timeZone) : undefined}
      >
        <p class="nhsuk-body">{refusal.message}</p>
        <Button variant="secondary" onClick={() => store.discard(keys.at(-1)!)}>
          Discard this change
        </Button>
      </NotificationBanner>
    </div>
  );
}
