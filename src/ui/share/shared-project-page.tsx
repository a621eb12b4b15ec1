import { A, useNavigate } from '@solidjs/router';
import { createSignal, Match, onMount, Switch } from 'solid-js';
import { parseShareLink } from '../../core/share/share-crypto';

type Stage = { at: 'confirm' } | { at: 'opening' } | { at: 'failed'; problem: string };

/**
 * /s/<id>#<key>: opens a shared project as a new copy, once the person says so (a link alone never
 * writes anything). The key is read from the fragment and the fragment is cleared at once (it stays
 * out of history and screenshots); nothing is written unless the download, decryption and checks
 * all succeed.
 */
export default function SharedProjectPage() {
  const navigate = useNavigate();
  const [stage, setStage] = createSignal<Stage>({ at: 'confirm' });
  let open = () => {};
  onMount(() => {
    const link = parseShareLink(location.pathname, location.hash);
    const edge = new URLSearchParams(location.search).get('edge') ?? undefined;
    history.replaceState(null, '', location.pathname + location.search);
    if ('error' in link) return setStage({ at: 'failed', problem: link.error });
    open = async () => {
      setStage({ at: 'opening' });
      try {
        const { openShare } = await import('../../app/share/share-project');
        const project = await openShare(link.id, link.key, edge);
        navigate(`/projects/${project.id}/code`, { replace: true });
      } catch (e) {
        setStage({ at: 'failed', problem: (e as Error).message });
      }
    };
  });
  return (
    <main class="page empty-state" data-testid="shared-project">
      <Switch>
        <Match when={stage().at === 'confirm'}>
          <h1>Open a copy of this shared project?</h1>
          <p>Someone sent you a link to a Director project. A copy is downloaded, decrypted on this device and saved as a new project; your other projects are not touched.</p>
          <p class="hint">Shared code only ever runs inside the preview sandbox. Open links only from people you trust.</p>
          <div class="dialog-actions">
            <button type="button" class="button primary" onClick={() => open()}>
              Open a copy
            </button>
            <A class="button" href="/">
              Cancel
            </A>
          </div>
        </Match>
        <Match when={stage().at === 'opening'}>
          <h1>Opening a shared project…</h1>
          <p>Downloading and decrypting it on this device.</p>
        </Match>
        <Match when={stage().at === 'failed'}>
          <h1>This shared project cannot be opened</h1>
          <p role="alert">{(stage() as { problem: string }).problem}</p>
          <p class="hint">Nothing was saved. Shared code only ever runs inside the preview sandbox.</p>
          <A class="button primary" href="/">
            Go to your projects
          </A>
        </Match>
      </Switch>
    </main>
  );
}
