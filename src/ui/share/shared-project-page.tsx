import { A, useNavigate } from '@solidjs/router';
import { createSignal, onMount, Show } from 'solid-js';
import { parseShareLink } from '../../core/share/share-crypto';

/**
 * /s/<id>#<key>: opens a shared project as a new copy. The key is read from the fragment and the
 * fragment is cleared at once (it stays out of history and screenshots); nothing is written unless
 * the download, decryption and checks all succeed.
 */
export default function SharedProjectPage() {
  const navigate = useNavigate();
  const [problem, setProblem] = createSignal('');
  onMount(async () => {
    const link = parseShareLink(location.pathname, location.hash);
    const edge = new URLSearchParams(location.search).get('edge') ?? undefined;
    history.replaceState(null, '', location.pathname + location.search);
    if ('error' in link) return setProblem(link.error);
    try {
      const { openShare } = await import('../../app/share/share-project');
      const project = await openShare(link.id, link.key, edge);
      navigate(`/projects/${project.id}/code`, { replace: true });
    } catch (e) {
      setProblem((e as Error).message);
    }
  });
  return (
    <main class="page empty-state" data-testid="shared-project">
      <Show
        when={problem()}
        fallback={
          <>
            <h1>Opening a shared project…</h1>
            <p>Downloading and decrypting it on this device.</p>
          </>
        }
      >
        <h1>This shared project cannot be opened</h1>
        <p role="alert">{problem()}</p>
        <p class="hint">Nothing was saved. Shared code only ever runs inside the preview sandbox.</p>
        <A class="button primary" href="/">
          Go to your projects
        </A>
      </Show>
    </main>
  );
}
