import { render } from 'solid-js/web';
import { seedSettingsFromLocalEdge } from './app/local-edge-seed';
import { App } from './ui/app';
import { db } from './app/db';
import { registerServiceWorker } from './ui/shell/service-worker';
import './ui/styles.css';

// Before the first view reads settings, and never for long: a slow answer only delays the seed.
await Promise.race([seedSettingsFromLocalEdge(db).catch(() => 'none'), new Promise((resolve) => setTimeout(resolve, 1500))]);

render(() => <App />, document.getElementById('root')!);
registerServiceWorker();
