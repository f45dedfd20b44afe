import { BookingJourney } from './BookingJourney.js';
import { emptyDraft } from './draft.js';

export function BookVisit() {
  return <BookingJourney title="Book a visit" initialDraft={emptyDraft} backHref="/" toCommand={(key, fields, visitIds) => ({ type: 'book', key, visitIds, fields })} />;
}
