import { STATUS_TAG_COLOURS, statusLabel, type VisitorPresence } from '../../shared/index.js';
import { Tag } from '../../ui/index.js';
import type { ListedVisit } from '../../visits/index.js';
import { shortDate, visitDate, visitTime } from '../format.js';
import { rowTiming } from '../list-rows.js';
import type { PresenceByVisit } from '../presence-board.js';
import { presenceLines } from '../presence-words.js';
import { PresenceLines } from './PresenceLines.js';
import { timeUntil } from '../time-until.js';
import { UnsentTag } from './UnsentTag.js';

const NOBODY: readonly VisitorPresence[] = [];
const COLUMNS = ['Time', 'Patient', 'Visitor', 'Status'] as const;

export interface VisitTableProps {
  caption: string;
  visits: readonly ListedVisit[];
  presence: PresenceByVisit;
  /** The visit to start next, marked with the time until it starts. */
  nextId: string | null;
  now: Date;
  timeZone: string;
}

/**
 * One day of the visit list as an nhsuk table, a compact row a visit: time, patient and bed,
 * visitor, status and who is at the link. On a phone the columns stack (app.scss); the roles
 * keep it a table for screen readers then, as nhsuk's responsive table does.
 */
export function VisitTable({ caption, visits, presence, nextId, now, timeZone }: VisitTableProps) {
  return (
    <table class="nhsuk-table app-visit-table" role="table">
      <caption class="nhsuk-table__caption nhsuk-table__caption--s">{caption}</caption>
      {/* Widths by column, not heading: the days after the first hide their headings (app.scss). */}
      <colgroup>
        {COLUMNS.map((column) => (
          <col key={column} class={`app-visit-table__${column.toLowerCase()}`} />
        ))}
      </colgroup>
      <thead class="nhsuk-table__head" role="rowgroup">
        <tr class="nhsuk-table__row" role="row">
          {COLUMNS.map((label) => (
            <th key={label} class="nhsuk-table__header" scope="col" role="columnheader">
              {label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody class="nhsuk-table__body" role="rowgroup">
        {visits.map((visit) => (
          <VisitRow key={visit.id} visit={visit} visitors={presence.get(visit.id) ?? NOBODY} next={visit.id === nextId} now={now} timeZone={timeZone} />
        ))}
      </tbody>
    </table>
  );
}

interface VisitRowProps {
  visit: ListedVisit;
  visitors: readonly VisitorPresence[];
  next: boolean;
  now: Date;
  timeZone: string;
}

function VisitRow({ visit, visitors, next, now, timeZone }: VisitRowProps) {
  const timing = rowTiming(visit, now);
  const time = visitTime(visit, timeZone);
  const lines = presenceLines(visitors, visit.status, timeZone);
  return (
    <tr class={`nhsuk-table__row app-visit-row app-visit-row--${timing}${next ? ' app-visit-row--next' : ''}`} role="row">
      <th class="nhsuk-table__header app-visit-row__time" scope="row" role="rowheader">
        {time}
        {next && <span class="app-visit-row__when">{`Next, ${timeUntil(new Date(visit.startsAt), now)}`}</span>}
        {timing === 'can-start' && <span class="app-visit-row__when">Can start now</span>}
      </th>
      <td class="nhsuk-table__cell" role="cell">
        <a href={`/visits/${visit.id}`}>
          {visit.patientName ?? 'Name deleted'}
          {/* Repeat visits share a name: the link says which one it opens. */}
          <span class="nhsuk-u-visually-hidden">{` on ${shortDate(visitDate(visit, timeZone))} at ${time}`}</span>
        </a>
        {visit.bed && <span class="app-visit-row__detail">Bed {visit.bed}</span>}
      </td>
      <td class="nhsuk-table__cell" role="cell">
        <span class="app-visit-row__label">Visitor: </span>
        {visit.visitorName ?? 'name deleted'}
      </td>
      <td class="nhsuk-table__cell app-visit-row__status" role="cell">
        <Tag colour={STATUS_TAG_COLOURS[visit.status]}>{statusLabel(visit)}</Tag> <UnsentTag visit={visit} />
        <PresenceLines lines={lines} />
      </td>
    </tr>
  );
}
