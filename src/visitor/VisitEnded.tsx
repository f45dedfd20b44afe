import { useEffect, useState } from 'preact/hooks';
import { FEEDBACK_ANSWERS, FEEDBACK_LABELS, FEEDBACK_QUESTION, type FeedbackAnswer } from '../shared/feedback.js';
import type { WardContact } from '../shared/join.js';
import { ErrorSummary, GuardedForm, SuccessBanner, type Problem } from '../ui/index.js';
import { Radios } from '../ui/Radios/index.js';
import { clearEndState, saveEndState, type FeedbackStep } from './end-state.js';
import { sendFeedback } from './feedback-api.js';
import { VISIT_PATH } from './join-api.js';
import { AskTheWard } from './WardContact.js';
import { VisitorScreen } from './VisitorScreen.js';

const FIELD = 'feedback';
const ITEMS = FEEDBACK_ANSWERS.map((answer) => ({ value: answer, label: FEEDBACK_LABELS[answer] }));

interface VisitEndedProps {
  contact: WardContact;
  /** The visitor pressed Leave (perhaps by mistake), rather than the ward ending the visit. */
  leftByChoice: boolean;
  /** The visit is still open, so a visitor who left by mistake can go back in. */
  canRejoin: boolean;
  /** Where the question had got to before a reload; asking on first arrival. */
  feedback?: FeedbackStep;
}

/**
 * The end of the visit: one optional question, and what happens to their details. What the
 * page shows is kept for this tab (end-state.ts), so a reload comes back to the same page.
 */
export function VisitEnded({ contact, leftByChoice, canRejoin, feedback = { kind: 'asking' } }: VisitEndedProps) {
  const [answer, setAnswer] = useState('');
  const [sending, setSending] = useState<FeedbackStep>(feedback);
  const [problem, setProblem] = useState<Problem>();
  useEffect(() => saveEndState({ leftByChoice, feedback: sending }), [leftByChoice, sending]);

  const send = async () => {
    // "(optional)" means it: sending nothing is an answer too, and is thanked.
    if (!isAnswer(answer)) return setSending({ kind: 'skipped' });
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
      {leftByChoice && canRejoin && (
        <p class="nhsuk-body">
          If you left by mistake,{' '}
          <a href={VISIT_PATH} onClick={clearEndState}>
            join the visit again
          </a>
          .
        </p>
      )}
      <p class="nhsuk-body">Your details will be deleted within 24 hours.</p>
      {sending.kind === 'sent' && <SuccessBanner>Thank you for your feedback</SuccessBanner>}
      {sending.kind === 'skipped' && (
        <p class="nhsuk-body-l" role="status">
          Thank you. You can close this page now.
        </p>
      )}
      {sending.kind === 'refused' && <p class="nhsuk-body">{sending.message}</p>}
      {sending.kind === 'asking' && (
        <GuardedForm onSubmit={send} submit="Send feedback">
          <Radios name={FIELD} legend={`${FEEDBACK_QUESTION} (optional)`} items={ITEMS} value={answer} onChange={setAnswer} />
        </GuardedForm>
      )}
      <AskTheWard contact={contact} about="To arrange another visit" />
    </VisitorScreen>
  );
}

function isAnswer(value: string): value is FeedbackAnswer {
  return (FEEDBACK_ANSWERS as readonly string[]).includes(value);
}
