import { render } from 'preact';
import '../ui/styles/app.scss';
import { SimplePage } from '../ui/index.js';

/**
 * The visitor's join page. Joining needs the link's token, so without one there is nothing
 * to join yet: say where the link comes from.
 */
function VisitorApp() {
  return (
    <SimplePage serviceName="Ward virtual visits" heading="Join a video visit">
      <p class="nhsuk-body">Open the link the ward sent you to join your visit.</p>
    </SimplePage>
  );
}

render(<VisitorApp />, document.getElementById('app')!);
