import { useState } from 'preact/hooks';
import { FEEDBACK_ANSWERS, FEEDBACK_LABELS, FEEDBACK_QUESTION, type FeedbackAnswer } from '../shared/feedback.js';
import { ErrorSummary, GuardedForm, Radios, SuccessBanner, type Problem } from '../ui/index.js';
import { sendFeedback } from './feedback-api.js';
import { VisitorScreen } from './VisitorScreen.js';

const FIELD = 'feedback';
const ITEMS = FEEDBACK_ANSWERS.map((answer) => ({ value: answer, label: FEEDBACK_LABELS[answer] }));

type Sending = { kind: 'asking' } | { kind: 'sent' } | { kind: 'refused'; message: string };

interface VisitEndedProps {
  /** The visitor pressed Leave (perhaps by mistake), rather than the ward ending the visit. */
  leftByChoice: boolean;
}

/** The end of the visit: one optional question, and what happens to their details. */
export function VisitEnded({ leftByChoice }: VisitEndedProps) {
  const [answer, setAnswer] = useState('');
  const [sending, setSending] = useState<Sending>({ kind: 'asking' });
  const [problem, setProblem] = useState<Problem>();

  const send = async () => {
    if (!isAnswer(answer)) return setProblem({ href: FIELD, message: 'Select how your visit was' });
    const result = await sendFeedback(answer);
    if (result.kind === 'failed') return setProblem({ message: result.message });
    setProblem(undefined);
    setSending(result);
  };

  return (
    <VisitorScreen
      heading="Your visit has ended"
      title={problem ? 'Error: Your visit has ended' : undefined}
      before={<ErrorSummary problems={problem ? [problem] : []} />}
    >
      {leftByChoice && (
        <p class="nhsuk-body">
          If you left by mistake, <a href={location.pathname}>join the visit again</a>.
        </p>
      )}
      <p class="nhsuk-body">Your details will be deleted within 24 hours.</p>
      {sending.kind === 'sent' && <SuccessBanner>Thank you for your feedback</SuccessBanner>}
      {sending.kind === 'refused' && <p class="nhsuk-body">{sending.message}</p>}
      {sending.kind === 'asking' && (
        <GuardedForm onSubmit={send} submit="Send feedback">
          <Radios
            name={FIELD}
            legend={`${FEEDBACK_QUESTION} (optional)`}
            items={ITEMS}
            value={answer}
            onChange={setAnswer}
            error={problem?.href ? problem.message : undefined}
          />
        </GuardedForm>
      )}
    </VisitorScreen>
  );
}

function isAnswer(value: string): value is FeedbackAnswer {
  return (FEEDBACK_ANSWERS as readonly string[]).includes(value);
}
