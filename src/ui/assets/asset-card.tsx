import { createSignal, Show, untrack, type Accessor } from 'solid-js';
import type { Asset } from '../../core/project/records';
import { formatBytes } from '../../core/util/format';
import { downloadBlob } from '../../app/render/download-blob';
import { showToast } from '../shell/toasts';
import type { AssetAnalysis } from '../../app/assets/asset-analysis';
import { kindOfType, UPLOAD_LIMITS } from '../../app/assets/asset-kinds';
import { deleteAsset, renameAsset, restoreAsset } from '../../app/assets/asset-mutations';
import { downloadNameOf, staticFileSnippet } from '../../app/assets/asset-name';
import { AssetPreview } from './asset-previews';
import { copyText } from './copy-text';
import { useAssetAnalysis } from './use-asset-analysis';

/** One asset: its preview, name and facts, and what a person does with it. */
export function AssetCard(props: { asset: Accessor<Asset> }) {
  // The blob of an id never changes: analysis and previews follow the first one read.
  const state = useAssetAnalysis(untrack(props.asset));
  const [renaming, setRenaming] = createSignal(false);
  const name = () => props.asset().name;

  const copySnippet = async () => {
    const snippet = staticFileSnippet(name());
    if (await copyText(snippet)) showToast({ kind: 'info', message: `Copied ${snippet}` });
    else showToast({ kind: 'info', message: `Copy this into your code: ${snippet}` }, 15_000);
  };

  const remove = async () => {
    const deleted = await deleteAsset(props.asset().id);
    if (!deleted) return;
    showToast({
      kind: 'info',
      message: `Deleted ${deleted.asset.name}.`,
      action: {
        label: 'Undo',
        run: () =>
          void restoreAsset(deleted).then(
            (restoredAs) => restoredAs !== deleted.asset.name && showToast({ kind: 'info', message: `Restored as ${restoredAs}: the old name was taken meanwhile.` }),
            (e: Error) => showToast({ kind: 'error', message: `${deleted.asset.name} could not be restored: ${e.message}` }),
          ),
      },
    });
  };

  return (
    <article class="asset-card" aria-label={name()} data-testid="asset-card">
      <AssetPreview asset={untrack(props.asset)} name={name()} state={state} />
      <div class="asset-info">
        <Show when={renaming()} fallback={<h3 class="asset-name" title={name()}>{name()}</h3>}>
          <RenameForm asset={props.asset()} onDone={() => setRenaming(false)} />
        </Show>
        <p class="asset-facts">{facts(props.asset(), state.analysis())}</p>
      </div>
      <div class="asset-actions">
        <button class="button small" onClick={() => void copySnippet()} aria-label={`Copy staticFile() for ${name()}`} title={staticFileSnippet(name())}>
          Copy staticFile
        </button>
        <button class="button small" onClick={() => setRenaming(true)} aria-label={`Rename ${name()}`} disabled={renaming()}>
          Rename
        </button>
        <button class="button small" onClick={() => downloadBlob(props.asset().blob, downloadNameOf(name()))} aria-label={`Download ${name()}`}>
          Download
        </button>
        <button class="button small danger" onClick={() => void remove()} aria-label={`Delete ${name()}`}>
          Delete
        </button>
      </div>
    </article>
  );
}

/** "Image · 120 KB · 1920×1080", "Audio · 3.1 MB · 2:45 · 128 BPM". */
function facts(asset: Asset, analysis: AssetAnalysis | undefined): string {
  const kind = kindOfType(asset.type);
  const parts = [kind ? UPLOAD_LIMITS[kind].label : asset.type, formatBytes(asset.size)];
  if (analysis?.kind === 'image') parts.push(`${analysis.width}×${analysis.height}`);
  // Durations are on the preview itself.
  if (analysis?.kind === 'video') parts.push(`${analysis.width}×${analysis.height}`);
  return parts.join(' · ');
}

/** Inline rename: Enter saves, Escape or leaving without change cancels; a refused name stays open with the reason. */
function RenameForm(props: { asset: Asset; onDone: () => void }) {
  const [draft, setDraft] = createSignal(props.asset.name);
  const [problem, setProblem] = createSignal<string>();
  let saving = false;
  const save = async () => {
    if (saving) return;
    saving = true;
    const result = await renameAsset(props.asset, draft());
    saving = false;
    if (result.ok) props.onDone();
    else setProblem(result.message);
  };
  return (
    <form
      class="asset-rename"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <input
        aria-label={`New name for ${props.asset.name}`}
        aria-invalid={problem() ? 'true' : undefined}
        aria-describedby={problem() ? `rename-problem-${props.asset.id}` : undefined}
        value={draft()}
        ref={(el) => queueMicrotask(() => (el.focus(), el.setSelectionRange(0, el.value.lastIndexOf('.') > 0 ? el.value.lastIndexOf('.') : el.value.length)))}
        onInput={(e) => {
          setDraft(e.currentTarget.value);
          setProblem(undefined);
        }}
        onKeyDown={(e) => e.key === 'Escape' && props.onDone()}
      />
      <div class="inline">
        <button class="button small primary" type="submit">
          Save
        </button>
        <button class="button small" type="button" onClick={() => props.onDone()}>
          Cancel
        </button>
      </div>
      <Show when={problem()}>
        <p class="error-text asset-rename-problem" id={`rename-problem-${props.asset.id}`} role="alert">
          {problem()}
        </p>
      </Show>
    </form>
  );
}
