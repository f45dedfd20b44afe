import { Button, Page, useScreen } from '../../ui/index.js';
import { useWard } from '../ward-context.js';

/**
 * Asked before anything takes the nurse off the call screen (the NHS logo, back, a link):
 * staying is the first choice. Leaving puts the call on hold rather than ending it.
 */
export function LeaveCallScreen({ visitorNames, onStay, onLeave }: { visitorNames: string[]; onStay: () => void; onLeave: () => void }) {
  const heading = useScreen('Leave the call screen?');
  const who = visitorNames.length > 0 ? visitorNames.join(' and ') : 'The visitor';
  return (
    <Page wardName={useWard().session.ward.name}>
      <h1 ref={heading}>
        Leave the call screen?
      </h1>
      <p class="nhsuk-body">The visit stays open. Your camera and microphone will be off until you come back.</p>
      <p class="nhsuk-body">{`${who} will be asked to stay on their page until you return to the call.`}</p>
      <div class="app-button-group">
        <Button onClick={onStay}>Stay in the call</Button>
        <Button variant="secondary" onClick={onLeave}>
          Leave the call screen
        </Button>
      </div>
    </Page>
  );
}
