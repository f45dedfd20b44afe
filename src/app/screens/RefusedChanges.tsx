import type { Command, Visit } from '../../shared/index.js';
import { NotificationBanner } from '../../ui/index.js';
import type { OutboxEntry } from '../../visits/index.js';
import { describeChange } from '../change-words.js';

/** The visit a change is about, for linking to where it can be discarded or redone. */
export function visitOfCommand(command: Command): string {
  return command.type === 'book' ? command.visitIds[0]! : command.visitId;
}

interface RefusedChangesProps {
  outbox: readonly OutboxEntry[];
  visits: readonly Visit[];
  timeZone: string;
}

/**
 * Changes the server would not accept stay on the tablet until a nurse deals with them. Each
 * says whose visit and what the change was, the server's reason, and links to the visit. A
 * notice, not an error summary: that is for the mistakes in a form on the same page.
 */
export function RefusedChanges({ outbox, visits, timeZone }: RefusedChangesProps) {
  const refused = outbox.filter((entry) => entry.refusal !== null);
  if (refused.length === 0) return null;
  const title = refused.length === 1 ? 'A change was not accepted' : `${refused.length} changes were not accepted`;
  const byId = new Map(visits.map((visit) => [visit.id, visit]));
  return (
    <div class="nhsuk-u-margin-bottom-5">
      <NotificationBanner kind="important" id="refused-title" title={title}>
        <ul class="nhsuk-list nhsuk-u-margin-bottom-0">
          {refused.map((entry) => {
            const visitId = visitOfCommand(entry.command);
            return (
              <li key={entry.command.key}>
                <p class="nhsuk-notification-banner__heading nhsuk-u-margin-bottom-1">{describeChange(entry.command, byId.get(visitId), timeZone)}</p>
                <p class="nhsuk-body">
                  {entry.refusal!.message} <a href={`/visits/${visitId}`}>Open the visit to change it again or discard the change</a>
                </p>
              </li>
            );
          })}
        </ul>
      </NotificationBanner>
    </div>
  );
}
