import { createResource, createSignal, Show } from 'solid-js';
import { showToast } from '../shell/toasts';

/** Share a project: encrypt here, upload ciphertext, show the link (the key stays in its #fragment). */
export function ShareDialog(props: { projectId: string; projectName: string; onClose: () => void }) {
  const [share] = createResource(async () => (await import('../../app/share/share-project')).shareProject(props.projectId));
  const [stopped, setStopped] = createSignal(false);
  const copy = async (link: string) => {
    try {
      await navigator.clipboard.writeText(link);
      showToast({ kind: 'info', message: 'Link copied.' });
    } catch {
      showToast({ kind: 'error', message: 'The browser did not allow copying: select the link and copy it.' });
    }
  };
  const stop = async (id: string) => {
    try {
      await (await import('../../app/share/share-project')).deleteShare(id);
      setStopped(true);
    } catch (e) {
      showToast({ kind: 'error', message: (e as Error).message });
    }
  };
  return (
    <div class="dialog-backdrop" onClick={(e) => e.target === e.currentTarget && props.onClose()}>
      <div class="dialog" role="dialog" aria-label="Share project">
        <h2>Share “{props.projectName}”</h2>
        <Show when={!share.loading} fallback={<p class="hint">Encrypting on this device and uploading…</p>}>
          <Show
            when={!share.error && share()}
            fallback={
              <p class="error-text" role="alert">
                Could not share: {(share.error as Error | undefined)?.message}
              </p>
            }
          >
            {(s) => (
              <Show when={!stopped()} fallback={<p>Sharing stopped: the link no longer opens.</p>}>
                <p class="hint">
                  Anyone with this link can open a copy of the project. It is encrypted on this device; the key is only in the link, never on the server. Expires{' '}
                  {new Date(s().expiresAt).toLocaleDateString()}.
                </p>
                <div class="inline">
                  <input aria-label="Share link" readOnly value={s().link} onFocus={(e) => e.currentTarget.select()} style={{ flex: 1 }} />
                  <button class="button primary" onClick={() => void copy(s().link)}>
                    Copy
                  </button>
                </div>
                <button class="button danger" onClick={() => void stop(s().id)}>
                  Stop sharing
                </button>
              </Show>
            )}
          </Show>
        </Show>
        <div class="dialog-actions">
          <button class="button" onClick={() => props.onClose()}>
            Done
          </button>
        </div>
      </div>
    </div>
  );
}
