import { createResource, createSignal, Show } from 'solid-js';
import { formatBytes } from '../../core/util/format';

async function readStorage() {
  if (!navigator.storage?.estimate) return undefined;
  const [estimate, persisted] = await Promise.all([navigator.storage.estimate(), navigator.storage.persisted?.() ?? false]);
  return { usage: estimate.usage ?? 0, quota: estimate.quota ?? 0, persisted };
}

/** How much of the browser's storage Director uses, and a button to ask the browser to keep it. */
export function StorageMeter(props: { compact?: boolean }) {
  const [storage, { refetch }] = createResource(readStorage);
  const [note, setNote] = createSignal('');
  const persist = async () => {
    const granted = (await navigator.storage?.persist?.()) ?? false;
    setNote(granted ? 'The browser will keep your data.' : 'The browser declined for now (it grants this to installed or often-used apps). Your data is still saved.');
    await refetch();
  };
  return (
    <Show when={storage()}>
      {(s) => (
        <div class="storage-meter" classList={{ compact: props.compact }} data-testid="storage-meter">
          <meter min={0} max={s().quota || 1} value={s().usage} aria-label="Storage used" />
          <span>
            {formatBytes(s().usage)} of {formatBytes(s().quota)} used
          </span>
          <Show when={!s().persisted} fallback={<span class="badge ok">Kept</span>}>
            <button class="button small" onClick={persist} title="Ask the browser not to clear Director's data when space runs low">
              Keep my data
            </button>
          </Show>
          <Show when={note()}>
            <span class="hint">{note()}</span>
          </Show>
        </div>
      )}
    </Show>
  );
}
