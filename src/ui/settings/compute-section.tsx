import { createResource, createSignal, For, Show } from 'solid-js';
import { addComfyServer, removeComfyServer, setComfyServerPaused } from '../../db/comfy-servers-repo';
import { db } from '../../app/db';
import { readServerReports, refreshServerModels } from '../../app/comfyui/server-reports';
import { showToast } from '../shell/toasts';

const gb = (bytes: number) => `${(bytes / 2 ** 30).toFixed(1)} GB`;

/**
 * Settings → Compute: the person's own ComfyUI servers. Each shows whether it answers, its GPU,
 * free VRAM, queue and models; jobs go to the healthy one with the model and the shortest queue.
 */
export function ComputeSection() {
  const [reports, { refetch }] = createResource(readServerReports);
  const [url, setUrl] = createSignal('');
  const [name, setName] = createSignal('');
  const [authorization, setAuthorization] = createSignal('');

  const add = async (e: SubmitEvent) => {
    e.preventDefault();
    const added = await addComfyServer(db, { url: url(), name: name(), authorization: authorization() });
    if (!added.ok) return showToast({ kind: 'error', message: added.message });
    setUrl('');
    setName('');
    setAuthorization('');
    void refetch();
  };

  return (
    <section class="card compute" aria-label="Compute">
      <h2>Compute: your ComfyUI servers</h2>
      <p class="hint">
        Run open video models (Wan, LTX-Video, HunyuanVideo, Flux) on your own GPU. The browser calls each server directly, so start ComfyUI with{' '}
        <code>python main.py --listen --enable-cors-header</code>. Jobs go to the healthy server that has the model and the shortest queue; a paused server gets none.
      </p>
      <Show when={reports()?.length} fallback={<p class="hint">No server yet.</p>}>
        <ul class="server-list">
          <For each={reports()}>
            {({ server, report }) => (
              <li class="server-row" data-testid="comfy-server">
                <div class="server-head">
                  <span class={`status-dot ${report.healthy ? (server.paused ? 'paused' : 'ok') : 'down'}`} aria-hidden="true" />
                  <strong>{server.name}</strong>
                  <span class="hint">{server.url}</span>
                  <span class="server-state" data-testid="comfy-server-state">
                    {server.paused ? 'paused' : report.healthy ? `queue ${report.queueLength}` : 'not answering'}
                  </span>
                </div>
                <Show when={report.info}>
                  {(info) => (
                    <div class="hint">
                      {info().gpu} · {gb(info().vramFreeBytes)} free of {gb(info().vramTotalBytes)}
                      {info().comfyVersion ? ` · ComfyUI ${info().comfyVersion}` : ''}
                    </div>
                  )}
                </Show>
                <Show when={report.problem}>
                  <div class="error-text">{report.problem}</div>
                </Show>
                <Show when={report.models?.length}>
                  <details>
                    <summary>{report.models!.length === 1 ? '1 model file' : `${report.models!.length} model files`}</summary>
                    <ul class="model-files">
                      <For each={report.models}>{(m) => <li>{m}</li>}</For>
                    </ul>
                  </details>
                </Show>
                <div class="inline">
                  <button type="button" class="button small" onClick={async () => (await setComfyServerPaused(db, server.id, !server.paused), refetch())}>
                    {server.paused ? 'Resume' : 'Pause'}
                  </button>
                  <button type="button" class="button small" onClick={() => (refreshServerModels(server.id), refetch())}>
                    Refresh
                  </button>
                  <button type="button" class="button small danger" onClick={async () => (await removeComfyServer(db, server.id), refetch())}>
                    Remove
                  </button>
                </div>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <form class="compute-add" onSubmit={add}>
        <label class="field">
          <span>Server URL</span>
          <input name="comfyUrl" required value={url()} placeholder="http://127.0.0.1:8188" onInput={(e) => setUrl(e.currentTarget.value)} />
        </label>
        <label class="field">
          <span>Name (optional)</span>
          <input name="comfyName" value={name()} placeholder="Desk GPU" onInput={(e) => setName(e.currentTarget.value)} />
        </label>
        <label class="field">
          <span>Auth header (optional)</span>
          <input name="comfyAuth" type="password" autocomplete="off" value={authorization()} placeholder="Bearer …" onInput={(e) => setAuthorization(e.currentTarget.value)} />
        </label>
        <div class="inline">
          <button type="submit" class="button primary">
            Add server
          </button>
          <button type="button" class="button" onClick={() => refetch()}>
            Check all
          </button>
        </div>
      </form>
    </section>
  );
}
