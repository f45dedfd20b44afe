import { useEffect, useState } from 'preact/hooks';
import { watchMicrophoneLevel } from '../call/index.js';

/** Hundredths are as fine as a person can see on the bar; fewer re-renders than raw floats. */
const roundLevel = (level: number) => Math.round(level * 100) / 100;

/** A bar that moves when the microphone hears the visitor: proof it works before they join. */
export function MicrophoneMeter({ stream }: { stream: MediaStream | null }) {
  const [level, setLevel] = useState(0);
  useEffect(() => {
    if (!stream) return;
    return watchMicrophoneLevel(stream, (next) => setLevel(roundLevel(next)));
  }, [stream]);

  return (
    <div class="nhsuk-form-group">
      <label class="nhsuk-label nhsuk-label--s" for="microphone-level">
        Microphone level
      </label>
      <div class="nhsuk-hint" id="microphone-level-hint">
        The bar moves when you speak.
      </div>
      <meter id="microphone-level" class="app-mic-meter" min={0} max={1} value={level} aria-describedby="microphone-level-hint" />
    </div>
  );
}
