import { render } from 'preact';
// admin.scss brings in the shared app.scss itself (see there).
import './admin.scss';
import { AdminApp } from './AdminApp.js';
import { interceptLinkClicks } from './router.js';

interceptLinkClicks(document.body);
render(<AdminApp />, document.getElementById('app')!);
