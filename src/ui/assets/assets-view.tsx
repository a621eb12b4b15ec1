import { createMemo, createSignal, For, Show } from 'solid-js';
import type { Asset } from '../../core/project/records';
import { db } from '../../app/db';
import { createLiveQuery } from '../../app/live-query';
import { useProject } from '../project/project-context';
import { AssetCard } from './asset-card';
import { isInternalAsset } from '../../app/assets/asset-name';
import { UploadZone } from './upload-zone';
import './assets.css';
import { listAssets } from '../../db/assets-repo';

/** A project's images, video, audio, fonts and files: upload, preview, and reach them from code with staticFile(). */
export default function AssetsView() {
  const project = useProject();
  const assets = createLiveQuery(async () => {
    const all = await listAssets(db, project().id);
    return all.filter((a) => !isInternalAsset(a.name)).sort((a, b) => b.createdAt - a.createdAt || a.name.localeCompare(b.name));
  }, [] as Asset[]);

  // Cards are keyed by id, so a rename or another tab's write updates a card instead of rebuilding
  // it (which would redraw every waveform and reload every thumbnail).
  const ids = createMemo(() => assets.value().map((a) => a.id), [], { equals: (a, b) => a.length === b.length && a.every((id, i) => id === b[i]) });
  const byId = createMemo(() => new Map(assets.value().map((a) => [a.id, a])));

  let dropUpload: (files: File[]) => void = () => {};
  const [dragging, setDragging] = createSignal(false);
  const carriesFiles = (e: DragEvent) => !!e.dataTransfer?.types.includes('Files');

  return (
    <div
      class="assets-view"
      classList={{ dragging: dragging() }}
      onDragOver={(e) => {
        if (!carriesFiles(e)) return;
        e.preventDefault();
        e.dataTransfer!.dropEffect = 'copy';
        setDragging(true);
      }}
      onDragLeave={(e) => {
        // Leaving into a child is not leaving the view.
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
      }}
      onDrop={(e) => {
        if (!carriesFiles(e)) return;
        e.preventDefault();
        setDragging(false);
        dropUpload([...(e.dataTransfer?.files ?? [])]);
      }}
    >
      <UploadZone projectId={project().id} registerDrop={(upload) => (dropUpload = upload)} />
      <Show when={assets.error()}>
        <p class="error-text" role="alert">
          The assets could not be read: {assets.error()!.message}
        </p>
      </Show>
      <Show
        when={ids().length}
        fallback={
          <Show when={assets.loaded()}>
            <div class="empty-state asset-empty">
              <h2>No assets yet</h2>
              <p>Upload images, video, music, fonts or SVG. Code reaches each one by its name with staticFile().</p>
            </div>
          </Show>
        }
      >
        <section class="asset-grid" aria-label="Assets" data-testid="asset-grid">
          <For each={ids()}>
            {(id) => {
              let last = byId().get(id)!;
              return <AssetCard asset={() => (last = byId().get(id) ?? last)} />;
            }}
          </For>
        </section>
      </Show>
    </div>
  );
}
