import { render } from 'preact';
import '../ui/styles/app.scss';
import { App } from './App.js';
import { interceptLinkClicks } from './router.js';

const root = document.getElementById('app')!;
interceptLinkClicks(document.body);
render(<App />, root);
