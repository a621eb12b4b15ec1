import { registerSW } from 'virtual:pwa-register';
import { showToast } from './toasts';

/**
 * Registers the service worker that precaches the app. A new release waits until the person
 * chooses to reload, so an edit in progress is never cut off by an update.
 */
export function registerServiceWorker() {
  if (!('serviceWorker' in navigator)) return;
  const update = registerSW({
    onNeedRefresh() {
      showToast({ kind: 'info', message: 'A new version of Director is ready.', action: { label: 'Reload', run: () => void update(true) } }, 0);
    },
    onOfflineReady() {
      showToast({ kind: 'info', message: 'Director is ready to work offline.' });
    },
    onRegisterError(error: unknown) {
      console.warn('[director] service worker registration failed', error);
    },
  });
}
