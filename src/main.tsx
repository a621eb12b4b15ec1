import { render } from 'solid-js/web';
import { App } from './ui/app';
import { registerServiceWorker } from './ui/shell/service-worker';
import './ui/styles.css';

render(() => <App />, document.getElementById('root')!);
registerServiceWorker();
