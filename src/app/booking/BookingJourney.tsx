import { useEffect, useRef, useState } from 'preact/hooks';
import { bookingProblems, tidyBooking, type BookingFields, type Command } from '../../shared/index.js';
import { ErrorSummary, GuardedForm, type Problem, useScreen } from '../../ui/index.js';
import { BackLink } from '../../ui/BackLink/index.js';
import { newIdempotencyKey, newVisitIds } from '../../visits/index.js';
import { useVisitState, useWard } from '../ward-context.js';
import { WardPage } from '../WardPage.js';
import { BookingFieldInputs, type FieldErrors } from './BookingFields.js';
import { CheckAnswers } from './CheckAnswers.js';
import { Booked } from './Booked.js';
import { draftToFields, fieldOfId, type BookingDraft } from './draft.js';
import { fieldProblemsToSummary, notSavedProblem } from './send-errors.js';

interface BookingJourneyProps {
  title: string;
  initialDraft: BookingDraft;
  backHref: string;
  toCommand: (key: string, fields: BookingFields, visitIds: string[]) => Command;
}

/** How long "Book visit" waits for the server before showing the booking as saved on this tablet. */
const CONFIRM_WAIT_MS = 3_000;

type Step = { name: 'form'; focus?: string } | { name: 'check' } | { name: 'done'; visitIds: string[] };

/** Form → Check your answers → Visit booked, for a new booking and for a rebook. */
export function BookingJourney(props: BookingJourneyProps) {
  const { session, store } = useWard();
  const { visits } = useVisitState(store);
  const [draft, setDraft] = useState(props.initialDraft);
  const [step, setStep] = useState<Step>({ name: 'form' });
  const [problems, setProblems] = useState<Problem[]>([]);
  // One key per booking: double taps and retries after a lost answer reuse it.
  const key = useRef(newIdempotencyKey());

  const showFieldProblems = (summary: Problem[]) => {
    setProblems(summary);
    setStep({ name: 'form' });
  };

  const toCheck = () => {
    const found = bookingProblems(tidyBooking(draftToFields(draft)), new Date(), session.timeZone);
    if (found.length > 0) return showFieldProblems(fieldProblemsToSummary(found));
    setProblems([]);
    setStep({ name: 'check' });
  };

  const book = async () => {
    const fields = tidyBooking(draftToFields(draft));
    const visitIds = newVisitIds(fields.repeatDays);
    try {
      await store.send(props.toCommand(key.current, fields, visitIds));
      // Online, the answer comes in well under this, and the nurse sees "Visit booked" at once
      // rather than "not sent yet" for a moment; offline, the send fails at once.
      await Promise.race([store.sync(), new Promise((resolve) => setTimeout(resolve, CONFIRM_WAIT_MS))]);
      setStep({ name: 'done', visitIds });
    } catch (error) {
      setProblems([notSavedProblem(error)]);
    }
  };

  if (step.name === 'done') {
    const booked = visits.filter((visit) => step.visitIds.includes(visit.id)).sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
    return (
      <WardPage>
        <Booked visits={booked} />
      </WardPage>
    );
  }
  if (step.name === 'check') {
    return (
      <WardPage>
        <CheckAnswers
        fields={tidyBooking(draftToFields(draft))}
        problems={problems}
        onBack={() => setStep({ name: 'form' })}
        onChange={(fieldId) => setStep({ name: 'form', focus: fieldId })}
          onConfirm={book}
        />
      </WardPage>
    );
  }
  return (
    <BookingForm title={props.title} backHref={props.backHref} focus={step.focus} problems={problems} draft={draft} onChange={setDraft} onSubmit={toCheck} submit="Continue" showRepeat />
  );
}

interface BookingFormProps {
  title: string;
  backHref: string;
  focus?: string | undefined;
  problems: Problem[];
  draft: BookingDraft;
  onChange: (draft: BookingDraft) => void;
  onSubmit: () => Promise<void> | void;
  submit: string;
  showRepeat: boolean;
}

/** The booking boxes as a screen, for booking, rebooking and changing a visit. */
export function BookingForm(props: BookingFormProps) {
  const heading = useScreen(props.problems.length > 0 ? `Error: ${props.title}` : props.title);
  const errors: FieldErrors = {};
  for (const problem of props.problems) {
    const field = fieldOfId(problem.href);
    if (field && !errors[field]) errors[field] = problem.message;
  }
  useFocusOnce(props.focus);
  return (
    <WardPage>
      <BackLink href={props.backHref} />
      <ErrorSummary problems={props.problems} />
      <h1 ref={heading}>
        {props.title}
      </h1>
      <GuardedForm onSubmit={props.onSubmit} submit={props.submit}>
        <BookingFieldInputs draft={props.draft} onChange={props.onChange} errors={errors} showRepeat={props.showRepeat} />
      </GuardedForm>
    </WardPage>
  );
}

/** After "Change" on Check your answers, put the cursor in the box being changed. */
function useFocusOnce(id: string | undefined) {
  useEffect(() => {
    if (id) document.getElementById(id)?.focus();
  }, [id]);
}
