import { createSignal, For, Show } from 'solid-js';
import { MAX_IMAGE_SIDE, UPLOAD_LIMITS } from '../../app/assets/asset-kinds';
import { uploadFiles, type UploadResult } from '../../app/assets/upload-files';

/**
 * Where files come in: a button for the file picker and a drop target (the whole view, see
 * AssetsView), several files at a time. The outcome of the last upload stays listed, one line a
 * file, in a live region so screen readers announce it.
 */
export function UploadZone(props: { projectId: string; registerDrop: (upload: (files: File[]) => void) => void }) {
  let input!: HTMLInputElement;
  const [progress, setProgress] = createSignal<string | null>(null);
  const [results, setResults] = createSignal<UploadResult[]>([]);

  const upload = async (files: File[]) => {
    if (!files.length || progress()) return;
    setResults([]);
    const outcome = await uploadFiles(props.projectId, files, (done, current) => setProgress(current ? `Checking ${current} (${done + 1} of ${files.length})…` : null));
    setProgress(null);
    setResults(outcome);
  };
  props.registerDrop((files) => void upload(files));

  const limits = Object.values(UPLOAD_LIMITS)
    .map((l) => `${l.label} ${Math.round(l.maxBytes / 2 ** 20)} MB`)
    .join(', ');

  return (
    <section class="asset-upload" aria-label="Upload assets">
      <div class="asset-upload-bar">
        <button class="button primary" onClick={() => input.click()} disabled={!!progress()}>
          Upload files
        </button>
        <span class="hint">or drop files anywhere here. Up to: {limits}; images up to {MAX_IMAGE_SIDE} px a side.</span>
        <input
          ref={input}
          type="file"
          multiple
          class="visually-hidden"
          aria-label="Files to upload"
          tabIndex={-1}
          accept="image/*,video/*,audio/*,font/*,.ttf,.otf,.woff,.woff2,.svg,.json,.srt,.vtt,.txt,.csv"
          onChange={(e) => {
            const files = [...(e.currentTarget.files ?? [])];
            e.currentTarget.value = ''; // the same file can be chosen again
            void upload(files);
          }}
        />
      </div>
      <div class="asset-upload-results" role="status" aria-live="polite" data-testid="upload-results">
        <Show when={progress()}>
          {(text) => (
            <p class="asset-working">
              <span class="spinner" aria-hidden="true" />
              {text()}
            </p>
          )}
        </Show>
        <Show when={results().length}>
          <ul>
            <For each={results()}>
              {(r) => (
                <li classList={{ refused: !r.ok, added: r.ok }} data-testid={r.ok ? 'upload-added' : 'upload-refused'}>
                  {r.message}
                </li>
              )}
            </For>
          </ul>
          <button class="button small" onClick={() => setResults([])} aria-label="Clear upload results">
            Clear
          </button>
        </Show>
      </div>
    </section>
  );
}
