import { render } from 'preact';
import '../ui/styles/app.scss';
import { SimplePage } from '../ui/index.js';

/** The trust admin area is not built yet; say so plainly and point to what works today. */
function AdminApp() {
  return (
    <SimplePage serviceName="Ward virtual visits" heading="Trust admin">
      <p class="nhsuk-body">
        The admin area is not ready yet. Ask your trust's IT team to manage wards from the command line.
      </p>
    </SimplePage>
  );
}

render(<AdminApp />, document.getElementById('app')!);
