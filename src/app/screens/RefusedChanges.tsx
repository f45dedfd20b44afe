import type { Command } from '../../shared/index.js';
import type { OutboxEntry } from '../../visits/index.js';

/** The visit a change is about, for linking to where it can be discarded or redone. */
export function visitOfCommand(command: Command): string {
  return command.type === 'book' ? command.visitIds[0]! : command.visitId;
}

/**
 * Changes the server would not accept stay on the tablet until a nurse deals with them:
 * each is listed with the server's reason and a link to the visit.
 */
export function RefusedChanges({ outbox }: { outbox: readonly OutboxEntry[] }) {
  const refused = outbox.filter((entry) => entry.refusal !== null);
  if (refused.length === 0) return null;
  const title = refused.length === 1 ? 'A change was not accepted' : `${refused.length} changes were not accepted`;
  return (
    <div class="nhsuk-error-summary" aria-labelledby="refused-title" role="alert" tabIndex={-1}>
      <h2 class="nhsuk-error-summary__title" id="refused-title">
        {title}
      </h2>
      <div class="nhsuk-error-summary__body">
        <ul class="nhsuk-list nhsuk-error-summary__list">
          {refused.map((entry) => (
            <li key={entry.command.key}>
              <a href={`/visits/${visitOfCommand(entry.command)}`}>{entry.refusal!.message}</a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
