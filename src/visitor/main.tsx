import { render } from 'preact';
import '../ui/styles/app.scss';
import { VisitorApp } from './VisitorApp.js';

render(<VisitorApp />, document.getElementById('app')!);
