import { useState } from 'preact/hooks';
import type { VisitorCall, VisitorCallView } from '../call/index.js';
import { ErrorSummary, GuardedForm, TextInput } from '../ui/index.js';
import { CallVideo } from '../ui/CallVideo/index.js';
import { CameraChoice } from './CameraChoice.js';
import { MicrophoneMeter } from './MicrophoneMeter.js';
import { nameProblem } from './name-rules.js';
import { VisitorScreen } from './VisitorScreen.js';
import './visitor.scss';

const NAME_FIELD = 'visitor-name';
const HEADING = 'Check your camera and microphone';

interface DeviceCheckProps {
  call: VisitorCall;
  view: VisitorCallView;
  onJoin: (name: string) => void;
}

/**
 * Before joining: see yourself, watch the bar move, pick a camera, give the name the ward
 * will see. One screen, so the visitor's last tap before the waiting room is "Join visit", and
 * on a 375 × 667 phone that button is on the first screen (issue 13): short lines, and a
 * preview that shrinks on a short screen (visitor.scss).
 * No maxlength on the name: it would cut a long name off silently; the error says why instead.
 */
export function DeviceCheck({ call, view, onJoin }: DeviceCheckProps) {
  const [name, setName] = useState('');
  const [error, setError] = useState<string>();
  const stream = view.media.stream;
  const ready = view.state.name === 'ready' && stream !== null;
  const voiceOnly = ready && stream.getVideoTracks().length === 0;

  const submit = () => {
    const problem = nameProblem(name);
    setError(problem);
    if (!problem) onJoin(name.trim());
  };

  return (
    <VisitorScreen
      heading={HEADING}
      // A smaller heading than other pages: on a 375 × 667 phone, "Join visit" stays on the first screen.
      headingClass="nhsuk-heading-l"
      title={error ? `Error: ${HEADING}` : undefined}
      before={<ErrorSummary problems={error ? [{ href: NAME_FIELD, message: error }] : []} />}
    >
      <p class="nhsuk-body" role="status">
        {!ready ? 'Starting your camera and microphone. If your browser asks, choose Allow.' : voiceOnly ? 'Check your microphone works.' : 'Check you can see yourself.'}
      </p>
      {voiceOnly ? (
        <div class="nhsuk-inset-text">
          <span class="nhsuk-u-visually-hidden">Information: </span>
          <p>No camera was found, so your visit will be voice only. The ward will hear you but will not see you.</p>
        </div>
      ) : (
        <div class="app-visitor-preview">
          <CallVideo stream={stream} label="Your camera" self size="large" />
        </div>
      )}
      <CameraChoice call={call} stream={stream} />
      <MicrophoneMeter stream={stream} />
      <GuardedForm onSubmit={submit} submit="Join visit">
        <div class="app-visitor-name">
          <TextInput
            id={NAME_FIELD}
            label="Your name"
            hint="The ward sees this name before letting you in"
            error={error}
            value={name}
            onInput={setName}
            autoComplete="name"
            spellcheck={false}
          />
        </div>
      </GuardedForm>
    </VisitorScreen>
  );
}
