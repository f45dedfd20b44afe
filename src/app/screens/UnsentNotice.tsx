import { Button, Tag } from '../../ui/index.js';
import type { ListedVisit } from '../../visits/index.js';
import { useWard } from '../ward-context.js';

/**
 * On a visit's page: its changes that are only on this tablet. A refused one shows the
 * server's words and can be discarded (or redone with "Change visit").
 */
export function UnsentNotice({ visit }: { visit: ListedVisit }) {
  const { store } = useWard();
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
  return (
    <div class="nhsuk-error-summary" aria-labelledby="not-accepted-title" role="alert" tabIndex={-1}>
      <h2 class="nhsuk-error-summary__title" id="not-accepted-title">
        A change to this visit was not accepted
      </h2>
      <div class="nhsuk-error-summary__body">
        <p>{refusal.message}</p>
        <Button variant="secondary" onClick={() => store.discard(keys.at(-1)!)}>
          Discard this change
        </Button>
      </div>
    </div>
  );
}
