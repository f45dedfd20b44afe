import { Button } from '../ui/index.js';
import { VisitorScreen } from './VisitorScreen.js';

interface MediaHelpProps {
  reason: 'no-camera-permission' | 'no-devices';
  onRetry: () => Promise<void>;
}

/**
 * Help when the camera and microphone cannot start. Browsers remember a "Block", and a page
 * cannot ask again, so the visitor has to change it in the browser's settings themselves.
 */
export function MediaHelp({ reason, onRetry }: MediaHelpProps) {
  return reason === 'no-camera-permission' ? <PermissionHelp onRetry={onRetry} /> : <NoDevicesHelp onRetry={onRetry} />;
}

function PermissionHelp({ onRetry }: { onRetry: () => Promise<void> }) {
  return (
    <VisitorScreen heading="Allow your camera and microphone">
      <p class="nhsuk-body">Your browser is blocking your camera and microphone. The ward needs to see and hear you during the visit.</p>
      <h2 class="nhsuk-heading-s">On an iPhone or iPad</h2>
      <ol class="nhsuk-list nhsuk-list--number">
        <li>Tap the icon at the left of the address bar (it may look like "aA").</li>
        <li>Tap Website Settings.</li>
        <li>Set Camera and Microphone to Allow.</li>
      </ol>
      <h2 class="nhsuk-heading-s">On an Android phone or tablet</h2>
      <ol class="nhsuk-list nhsuk-list--number">
        <li>Tap the icon at the left of the address bar.</li>
        <li>Tap Permissions.</li>
        <li>Allow Camera and Microphone.</li>
      </ol>
      <h2 class="nhsuk-heading-s">On a computer</h2>
      <ol class="nhsuk-list nhsuk-list--number">
        <li>Select the camera or padlock icon in the address bar.</li>
        <li>Allow the camera and microphone for this website.</li>
      </ol>
      <p class="nhsuk-body">Then try again. If nothing changes, close this page and open your visit link again.</p>
      <Button onClick={onRetry}>Try again</Button>
    </VisitorScreen>
  );
}

function NoDevicesHelp({ onRetry }: { onRetry: () => Promise<void> }) {
  return (
    <VisitorScreen heading="No camera or microphone found">
      <p class="nhsuk-body">You need at least a microphone to join the visit. Without a camera, the visit will be voice only.</p>
      <p class="nhsuk-body">Check that:</p>
      <ul class="nhsuk-list nhsuk-list--bullet">
        <li>your camera and microphone are connected and switched on</li>
        <li>no other app is using them, such as another video call</li>
      </ul>
      <p class="nhsuk-body">Then try again.</p>
      <Button onClick={onRetry}>Try again</Button>
    </VisitorScreen>
  );
}
