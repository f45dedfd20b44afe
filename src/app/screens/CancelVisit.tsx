import { useRef, useState } from 'preact/hooks';
import { CANCEL_REASON_MAX_LENGTH, type Visit } from '../../shared/index.js';
import { ErrorSummary, GuardedForm, TextInput, useScreen, type Problem } from '../../ui/index.js';
import { BackLink } from '../../ui/BackLink/index.js';
import { Radios } from '../../ui/Radios/index.js';
import { newIdempotencyKey } from '../../visits/index.js';
import { notSavedProblem } from '../booking/send-errors.js';
import { navigate } from '../router.js';
import { useVisit } from '../use-visit.js';
import { useWard } from '../ward-context.js';
import { WardPage } from '../WardPage.js';
import { VisitMissing } from './VisitMissing.js';

const OTHER = 'Other';
const REASONS = ['Patient is unwell', 'Patient has been discharged', 'Visitor cannot make it', OTHER] as const;

export function CancelVisit({ id }: { id: string }) {
  const { visit, loading, error } = useVisit(id);
  if (!visit) return <VisitMissing loading={loading} error={error} />;
  return <CancelForm visit={visit} />;
}

function CancelForm({ visit }: { visit: Visit }) {
  const { store } = useWard();
  const heading = useScreen('Cancel visit');
  const [base] = useState(visit);
  const [choice, setChoice] = useState('');
  const [other, setOther] = useState('');
  const [problems, setProblems] = useState<Problem[]>([]);
  const key = useRef(newIdempotencyKey());
  const errorFor = (id: string) => problems.find((p) => p.href === id)?.message;

  const cancel = async () => {
    const reason = choice === OTHER ? other.trim() : choice;
    if (!choice) return setProblems([{ href: 'reason', message: 'Select why the visit is cancelled' }]);
    if (!reason) return setProblems([{ href: 'other-reason', message: 'Enter why the visit is cancelled' }]);
    if (reason.length > CANCEL_REASON_MAX_LENGTH) {
      return setProblems([{ href: 'other-reason', message: `Reason must be ${CANCEL_REASON_MAX_LENGTH} characters or fewer` }]);
    }
    try {
      await store.send({ type: 'cancel', key: key.current, visitId: base.id, baseVersion: base.version, reason });
      navigate(`/visits/${base.id}`, { replace: true, state: { tellVisitor: 'cancelled' } });
    } catch (error) {
      setProblems([notSavedProblem(error)]);
    }
  };

  return (
    <WardPage>
      <BackLink href={`/visits/${base.id}`} />
      <ErrorSummary problems={problems} />
      <h1 ref={heading}>
        Cancel visit
      </h1>
      <p class="nhsuk-body">{`${base.patientName ?? 'Patient'} with ${base.visitorName ?? 'visitor'}`}</p>
      <GuardedForm onSubmit={cancel} submit="Cancel visit" variant="warning">
        <Radios
          name="reason"
          legend="Why is the visit cancelled?"
          value={choice}
          onChange={setChoice}
          error={errorFor('reason')}
          items={REASONS.map((reason) => ({
            value: reason,
            label: reason,
            conditional:
              reason === OTHER ? (
                <TextInput id="other-reason" label="Reason" value={other} onInput={setOther} error={errorFor('other-reason')} autoComplete="off" />
              ) : undefined,
          }))}
        />
      </GuardedForm>
    </WardPage>
  );
}
