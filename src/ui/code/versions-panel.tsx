import { createResource, createSignal, For, onCleanup, Show } from 'solid-js';
import { diffFiles, type FileDiff } from '../../core/project/diff-files';
import type { Version } from '../../core/project/records';
import { listVersions, restoreVersion, saveVersion } from '../../db/versions-repo';
import { db } from '../../app/db';
import { createLiveQuery } from '../../app/live-query';
import { relativeTime } from '../shell/relative-time';
import { showToast } from '../shell/toasts';
import { getAsset } from '../../db/assets-repo';

export interface VersionsPanelProps {
  projectId: string;
  /** The current sources, to diff against. */
  current: () => ReadonlyMap<string, string>;
  /** Saves pending edits before a snapshot or a restore. */
  flush: () => Promise<void>;
  /** A small PNG of the preview now, for the version's thumbnail (null when there is none). */
  still: () => Promise<Blob | null>;
}

/** Save a version, see the list with thumbnails, diff any version against now, restore (undoable). */
export function VersionsPanel(props: VersionsPanelProps) {
  const versions = createLiveQuery(() => listVersions(db, props.projectId), [] as Version[]);
  const [label, setLabel] = createSignal('');
  const [diffing, setDiffing] = createSignal<{ version: Version; diff: FileDiff[] } | null>(null);
  const [busy, setBusy] = createSignal(false);

  const save = async () => {
    setBusy(true);
    try {
      await props.flush();
      const v = await saveVersion(db, props.projectId, label() || `Version ${versions.value().length + 1}`, (await props.still()) ?? undefined);
      setLabel('');
      showToast({ kind: 'info', message: `Saved “${v.label}”.` });
    } finally {
      setBusy(false);
    }
  };

  const restore = async (v: Version) => {
    await props.flush();
    const before = await restoreVersion(db, props.projectId, v.id);
    showToast({ kind: 'info', message: `Restored “${v.label}”.`, action: { label: 'Undo', run: () => void restoreVersion(db, props.projectId, before.id) } }, 10_000);
  };

  return (
    <details class="versions-panel" open>
      <summary>Versions ({versions.value().length})</summary>
      <form
        class="inline"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <input aria-label="Version name" placeholder="Name this version" value={label()} onInput={(e) => setLabel(e.currentTarget.value)} maxLength={200} />
        <button class="button small" type="submit" disabled={busy()}>
          Save version
        </button>
      </form>
      <ul class="version-list">
        <For each={versions.value()}>
          {(v) => (
            <li data-testid="version-row">
              <VersionThumbnail assetId={v.thumbnailAssetId} />
              <div class="version-info">
                <strong>{v.label}</strong>
                <span class="hint">
                  {relativeTime(v.createdAt)} · {v.files.length} files
                </span>
              </div>
              <button class="button small" onClick={() => setDiffing({ version: v, diff: diffFiles(new Map(v.files.map((f) => [f.path, f.content])), props.current()) })}>
                Diff
              </button>
              <button class="button small" onClick={() => void restore(v)}>
                Restore
              </button>
            </li>
          )}
        </For>
      </ul>
      <Show when={diffing()}>
        {(d) => (
          <div class="dialog-backdrop" onClick={(e) => e.target === e.currentTarget && setDiffing(null)}>
            <div class="dialog diff-dialog" role="dialog" aria-label={`Changes since ${d().version.label}`}>
              <h2>Changes since “{d().version.label}”</h2>
              <Show when={d().diff.length} fallback={<p class="hint">No changes: the project is the same as this version.</p>}>
                <For each={d().diff}>
                  {(file) => (
                    <section class="file-diff">
                      <h3>
                        {file.path} <span class="hint">{file.status} · +{file.added} −{file.removed}</span>
                      </h3>
                      <pre>
                        <For each={file.hunks.flatMap((h) => h.lines)}>
                          {(line) => <div class={line[0] === '+' ? 'diff-add' : line[0] === '-' ? 'diff-del' : ''}>{line}</div>}
                        </For>
                      </pre>
                    </section>
                  )}
                </For>
              </Show>
              <div class="dialog-actions">
                <button class="button" onClick={() => setDiffing(null)}>
                  Close
                </button>
              </div>
            </div>
          </div>
        )}
      </Show>
    </details>
  );
}

function VersionThumbnail(props: { assetId: unknown }) {
  const [url] = createResource(
    () => props.assetId as string | undefined,
    async (id) => {
      const asset = await getAsset(db, id);
      return asset ? URL.createObjectURL(asset.blob) : undefined;
    },
  );
  onCleanup(() => url() && URL.revokeObjectURL(url()!));
  return <div class="version-thumb">{url() ? <img src={url()} alt="" /> : null}</div>;
}
