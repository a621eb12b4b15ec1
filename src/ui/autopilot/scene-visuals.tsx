import { createMemo, For, Show } from 'solid-js';
import { suggestAssets } from '../../core/autopilot';
import type { Asset } from '../../core/project/records';
import { listAssets } from '../../db/assets-repo';
import { loadStoryboard } from '../../db/storyboard-repo';
import { db } from '../../app/db';
import { createLiveQuery } from '../../app/live-query';

/** Assets Director keeps for itself: never offered as a scene's picture. */
const OWN = /^(\.director|autopilot|renders|brand)\//;

/**
 * Each scene's picture and the three project assets that best match its words; choosing one (or
 * a designed card) changes only the render.
 */
export function SceneVisuals(props: { projectId: string; disabled: boolean; onPick: (sceneId: string, assetId: string | null) => void }) {
  const board = createLiveQuery(async () => (await loadStoryboard(db, props.projectId)).board, null);
  const assets = createLiveQuery(() => listAssets(db, props.projectId), [] as Asset[]);
  const visual = createMemo(() => assets.value().filter((a) => !OWN.test(a.name) && /^(image|video)\//.test(a.type)));
  const nameOf = (id: string | undefined) => (id ? (assets.value().find((a) => a.id === id)?.name ?? 'missing asset') : null);
  return (
    <details class="card autopilot-visuals" data-testid="autopilot-visuals">
      <summary>
        <strong>Scene visuals</strong> <span class="hint">the best matches among your assets for each scene</span>
      </summary>
      <ol>
        <For each={board.value()?.scenes ?? []}>
          {(scene) => {
            const clip = () => scene.clips[0];
            const suggestions = createMemo(() => suggestAssets([scene.narration, scene.onScreenText, clip()?.prompt].join(' '), visual(), 3));
            return (
              <li>
                <div>
                  <strong>{scene.onScreenText || scene.title}</strong>
                  <span class="hint"> — {nameOf(clip()?.mediaAssetId) ?? 'designed card'}</span>
                </div>
                <div class="autopilot-actions">
                  <For each={suggestions()} fallback={<span class="hint">No asset shares words with this scene.</span>}>
                    {(s) => (
                      <button class="button small" disabled={props.disabled || clip()?.mediaAssetId === s.assetId} title={`Matches: ${s.matched.join(', ')}`} onClick={() => props.onPick(scene.id, s.assetId)}>
                        Use {s.name}
                      </button>
                    )}
                  </For>
                  <Show when={clip()?.mediaAssetId}>
                    <button class="button small" disabled={props.disabled} onClick={() => props.onPick(scene.id, null)}>
                      Designed card
                    </button>
                  </Show>
                </div>
              </li>
            );
          }}
        </For>
      </ol>
    </details>
  );
}
