import { addDays, instantToLocal, isRealDate, type LocalDateTime } from '../../shared/index.js';
import type { DateParts } from '../../ui/DateInput/index.js';
import { longDate } from '../format.js';
import { useWard } from '../ward-context.js';
import type { BookingDraft } from './draft.js';

function toParts(date: LocalDateTime['date']): DateParts {
  const [year, month, day] = date.split('-') as [string, string, string];
  return { day: String(Number(day)), month: String(Number(month)), year };
}

/** The typed boxes as YYYY-MM-DD, or null while they are not a real date. */
function typedDate({ day, month, year }: DateParts): string | null {
  if (!/^\d{1,2}$/.test(day.trim()) || !/^\d{1,2}$/.test(month.trim()) || !/^\d{4}$/.test(year.trim())) return null;
  const date = `${year.trim()}-${month.trim().padStart(2, '0')}-${day.trim().padStart(2, '0')}`;
  return isRealDate(date) ? date : null;
}

/**
 * Most visits are today or tomorrow: one tap fills the boxes with that day on the hospital's
 * calendar. The date typed is also read back as words ("Thursday 3 December 2026"), so a slip
 * in the month shows before Continue.
 */
export function DateShortcuts({ draft, onPick }: { draft: BookingDraft; onPick: (date: DateParts) => void }) {
  const { session } = useWard();
  const today = instantToLocal(new Date(), session.timeZone).date;
  const typed = typedDate(draft);
  return (
    <>
      <div class="app-button-group app-date-shortcuts">
        <button type="button" class="nhsuk-button nhsuk-button--secondary nhsuk-button--small" onClick={() => onPick(toParts(today))}>
          Today
        </button>
        <button type="button" class="nhsuk-button nhsuk-button--secondary nhsuk-button--small" onClick={() => onPick(toParts(addDays(today, 1)))}>
          Tomorrow
        </button>
      </div>
      <p class="nhsuk-body-s app-date-in-words" aria-live="polite">
        {typed ? longDate(typed) : ''}
      </p>
    </>
  );
}
