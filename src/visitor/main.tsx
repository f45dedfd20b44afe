import { render } from 'preact';
import './visitor.scss';
import { VisitorApp } from './VisitorApp.js';

render(<VisitorApp />, document.getElementById('app')!);
