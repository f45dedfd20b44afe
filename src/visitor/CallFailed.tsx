import { Button } from '../ui/index.js';
import { VisitorScreen } from './VisitorScreen.js';

interface CallFailedProps {
  reason: 'never-connected' | 'refused';
  message: string;
  onRetry: () => Promise<void>;
}

/** The call could not connect (worth another go), or the relay said no (not worth one). */
export function CallFailed({ reason, message, onRetry }: CallFailedProps) {
  if (reason === 'refused') {
    return (
      <VisitorScreen heading="You cannot join this visit">
        <p class="nhsuk-body">{message}</p>
      </VisitorScreen>
    );
  }
  return (
    // The engine's message already says "The call could not connect": the heading names the problem.
    <VisitorScreen heading="Connection problem">
      <p class="nhsuk-body">{message}</p>
      <p class="nhsuk-body">When you try again, the ward will let you back in.</p>
      <Button onClick={onRetry}>Try again</Button>
    </VisitorScreen>
  );
}
