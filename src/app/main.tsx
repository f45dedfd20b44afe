import { render } from 'preact';
import './ward.scss';
import { App } from './App.js';
import { interceptLinkClicks } from './router.js';
import { startServiceWorker } from './sw-bridge.js';
import { UpdateBanner } from './UpdateBanner.js';

const root = document.getElementById('app')!;
interceptLinkClicks(document.body);
startServiceWorker();
render(
  <>
    <UpdateBanner />
    <App />
  </>,
  root,
);
