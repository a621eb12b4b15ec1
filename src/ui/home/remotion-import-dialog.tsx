import { For, Show } from 'solid-js';
import type { RemotionImportReport } from '../../app/project-import/import-remotion-project';

/**
 * What an imported Remotion project brought: where it starts, what was left aside, and the packages
 * the browser engine lacks (and whether the server render handles them). Open goes to the project.
 */
export function RemotionImportDialog(props: { report: RemotionImportReport | null; onOpen: () => void; onClose: () => void }) {
  return (
    <Show when={props.report}>
      {(report) => (
        <div class="dialog-backdrop" onClick={(e) => e.target === e.currentTarget && props.onClose()}>
          <section class="dialog remotion-import" role="dialog" aria-modal="true" aria-labelledby="remotion-import-title">
            <h2 id="remotion-import-title">Imported “{report().project.name}”</h2>
            <p>
              A Remotion project starting at <code>{report().entry}</code>. Its <code>public/</code> files are the project's assets, so <code>staticFile()</code> finds them.
            </p>
            <Show when={report().dependencies.length > 0}>
              <div class="import-dependencies" role="note">
                <h3>Packages the browser engine does not have</h3>
                <ul>
                  <For each={report().dependencies}>
                    {(d) => (
                      <li classList={{ server: d.support === 'server' }} data-dependency={d.name}>
                        {d.message}
                      </li>
                    )}
                  </For>
                </ul>
              </div>
            </Show>
            <Show when={report().notes.length > 0}>
              <ul class="import-notes hint">
                <For each={report().notes}>{(n) => <li>{n}</li>}</For>
              </ul>
            </Show>
            <div class="dialog-actions">
              <button type="button" class="button" onClick={() => props.onClose()}>
                Close
              </button>
              <button type="button" class="button primary" onClick={() => props.onOpen()} ref={(el) => queueMicrotask(() => el.focus())}>
                Open project
              </button>
            </div>
          </section>
        </div>
      )}
    </Show>
  );
}
