import { useWard } from '../ward-context.js';
import { useVisit } from '../use-visit.js';
import { VisitMissing } from '../screens/VisitMissing.js';
import { BookingJourney } from './BookingJourney.js';
import { draftFromVisit } from './draft.js';

/** A new booking with the same details at the same time tomorrow. */
export function RebookVisit({ id }: { id: string }) {
  const { session } = useWard();
  const { visit, loading, error } = useVisit(id);
  if (!visit) return <VisitMissing loading={loading} error={error} />;
  return (
    <BookingJourney
      title="Rebook visit"
      initialDraft={draftFromVisit(visit, session.timeZone, 1)}
      backHref={`/visits/${id}`}
      toCommand={(key, fields, visitIds) => ({ type: 'rebook', key, visitId: id, baseVersion: visit.version, visitIds, fields })}
    />
  );
}
