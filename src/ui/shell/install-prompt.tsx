import { createSignal, Show } from 'solid-js';

interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<void>;
  userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

const [deferred, setDeferred] = createSignal<BeforeInstallPromptEvent | null>(null);
if (typeof window !== 'undefined') {
  window.addEventListener('beforeinstallprompt', (e) => {
    e.preventDefault(); // keep the browser's mini-bar away; we offer our own button
    setDeferred(e as BeforeInstallPromptEvent);
  });
  window.addEventListener('appinstalled', () => setDeferred(null));
}

/** "Install Director": shown only when the browser says the app can be installed. */
export function InstallButton() {
  const install = async () => {
    const event = deferred();
    if (!event) return;
    await event.prompt();
    await event.userChoice;
    setDeferred(null);
  };
  return (
    <Show when={deferred()}>
      <button class="button" onClick={install} title="Install Director as an app on this device">
        Install app
      </button>
    </Show>
  );
}
