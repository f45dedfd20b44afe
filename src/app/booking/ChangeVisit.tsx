import { useRef, useState } from 'preact/hooks';
import { bookingProblems, tidyBooking } from '../../shared/index.js';
import type { Problem } from '../../ui/index.js';
import { newIdempotencyKey, type ListedVisit } from '../../visits/index.js';
import { navigate } from '../router.js';
import { fieldsChanged } from '../change-words.js';
import { newsOfChange } from '../message-words.js';
import { useVisit } from '../use-visit.js';
import { useWard } from '../ward-context.js';
import { VisitMissing } from '../screens/VisitMissing.js';
import { BookingForm } from './BookingJourney.js';
import { draftFromVisit, draftToFields, withoutRepeat } from './draft.js';
import { fieldProblemsToSummary, notSavedProblem } from './send-errors.js';

export function ChangeVisit({ id }: { id: string }) {
  const { visit, loading, error } = useVisit(id);
  if (!visit) return <VisitMissing loading={loading} error={error} />;
  return <ChangeForm visit={visit} />;
}

/**
 * The booking boxes filled in with the visit; "Save changes" queues the change. A change the
 * server refused is edited here and sent again in its place.
 */
function ChangeForm({ visit }: { visit: ListedVisit }) {
  const { session, store } = useWard();
  // The version the nurse started from: if someone else changes the visit meanwhile, the server says so.
  const [base] = useState(visit);
  const [draft, setDraft] = useState(() => draftFromVisit(base, session.timeZone));
  const [problems, setProblems] = useState<Problem[]>([]);
  const key = useRef(newIdempotencyKey());

  const save = async () => {
    const fields = tidyBooking(draftToFields(draft));
    const found = bookingProblems(fields, new Date(), session.timeZone);
    if (found.length > 0) return setProblems(fieldProblemsToSummary(found));
    const refused = base.unsent?.refusal ? base.unsent.keys.at(-1) : undefined;
    try {
      const command = { type: 'change' as const, key: key.current, visitId: base.id, baseVersion: base.version, fields: withoutRepeat(fields) };
      await store.send(command, refused ? { replacing: refused } : {});
      // The banner says whether the visitor is sent a message about it, so the nurse knows whether to tell them.
      const { news, newContacts } = newsOfChange(fieldsChanged(command.fields, base, session.timeZone), command.fields);
      navigate(`/visits/${base.id}`, { replace: true, state: { tellVisitor: news, newContacts } });
    } catch (error) {
      setProblems([notSavedProblem(error)]);
    }
  };

  return (
    <BookingForm
      title="Change visit"
      backHref={`/visits/${base.id}`}
      problems={problems}
      draft={draft}
      onChange={setDraft}
      onSubmit={save}
      submit="Save changes"
      showRepeat={false}
    />
  );
}
