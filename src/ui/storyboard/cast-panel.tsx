import { For, Show } from 'solid-js';
import type { Storyboard, StoryboardCharacter, StyleTemplate } from '../../core/storyboard/storyboard-types';
import { AssetPreview } from '../canvas/node-output';

export interface CastPanelProps {
  board: Storyboard;
  onCharacters: (characters: StoryboardCharacter[], coalesce?: string) => void;
  onStyles: (styles: StyleTemplate[], coalesce?: string) => void;
  onAddPhoto: (characterId: string, file: File) => void;
  onCap: (usd: number | undefined) => void;
  /** The character's reference check (faces found in its photos), from the engine. */
  statusOf: (characterId: string) => { state: string; message?: string } | undefined;
  newId: () => string;
}

/** Characters (name, look, reference photos) and style templates shared by the clips. */
export function CastPanel(props: CastPanelProps) {
  const editCharacter = (id: string, patch: Partial<StoryboardCharacter>, coalesce?: string) =>
    props.onCharacters(props.board.characters.map((c) => (c.id === id ? { ...c, ...patch } : c)), coalesce);
  const editStyle = (id: string, patch: Partial<StyleTemplate>, coalesce?: string) => props.onStyles(props.board.styles.map((s) => (s.id === id ? { ...s, ...patch } : s)), coalesce);

  return (
    <aside class="inspector storyboard-inspector" aria-label="Cast, styles and budget">
      <h3>Characters</h3>
      <p class="hint">Reference photos keep a character's face the same across clips (Veo reference images, up to three per clip).</p>
      <For each={props.board.characters}>
        {(c) => (
          <div class="cast-card" data-testid="character">
            <input aria-label="Character name" value={c.name} onInput={(e) => editCharacter(c.id, { name: e.currentTarget.value }, `character-name:${c.id}`)} />
            <textarea rows={2} aria-label="Character description" placeholder="Look, clothes, age…" value={c.description} onInput={(e) => editCharacter(c.id, { description: e.currentTarget.value }, `character-description:${c.id}`)} />
            <div class="cast-photos">
              <For each={c.photoAssetIds}>
                {(assetId) => (
                  <div class="cast-photo">
                    <AssetPreview assetId={assetId} kind="image" />
                    <button class="button small" aria-label="Remove photo" onClick={() => editCharacter(c.id, { photoAssetIds: c.photoAssetIds.filter((x) => x !== assetId) })}>
                      ×
                    </button>
                  </div>
                )}
              </For>
            </div>
            <Show when={props.statusOf(c.id)}>
              {(status) => (
                <p class="hint" classList={{ warn: status().state === 'error' }} data-testid="character-status">
                  {status().state === 'error' ? status().message : status().state === 'done' ? `Faces checked: ${c.photoAssetIds.length} reference photo${c.photoAssetIds.length === 1 ? '' : 's'} usable.` : 'Checking the faces in the photos…'}
                </p>
              )}
            </Show>
            <label class="button small file-button">
              Add photo
              <input type="file" aria-label={`Add a photo of ${c.name}`} accept="image/png,image/jpeg,image/webp" onChange={(e) => { const f = e.currentTarget.files?.[0]; if (f) props.onAddPhoto(c.id, f); e.currentTarget.value = ''; }} />
            </label>
            <button class="button small danger" onClick={() => props.onCharacters(props.board.characters.filter((x) => x.id !== c.id))}>
              Delete character
            </button>
          </div>
        )}
      </For>
      <button class="button small" onClick={() => props.onCharacters([...props.board.characters, { id: props.newId(), name: `Character ${props.board.characters.length + 1}`, description: '', photoAssetIds: [] }])}>
        + Character
      </button>

      <h3>Styles</h3>
      <p class="hint">A style adds the same words before and after every prompt that uses it.</p>
      <For each={props.board.styles}>
        {(s) => (
          <div class="cast-card" data-testid="style">
            <input aria-label="Style name" value={s.name} onInput={(e) => editStyle(s.id, { name: e.currentTarget.value }, `style-name:${s.id}`)} />
            <input aria-label="Style prefix" placeholder="Before the prompt, e.g. Cinematic 35mm film." value={s.prefix} onInput={(e) => editStyle(s.id, { prefix: e.currentTarget.value }, `style-prefix:${s.id}`)} />
            <input aria-label="Style suffix" placeholder="After the prompt, e.g. Warm colour grade." value={s.suffix} onInput={(e) => editStyle(s.id, { suffix: e.currentTarget.value }, `style-suffix:${s.id}`)} />
            <input aria-label="Style avoids" placeholder="Avoid, e.g. text, watermarks" value={s.negativePrompt} onInput={(e) => editStyle(s.id, { negativePrompt: e.currentTarget.value }, `style-negative:${s.id}`)} />
            <button class="button small danger" onClick={() => props.onStyles(props.board.styles.filter((x) => x.id !== s.id))}>
              Delete style
            </button>
          </div>
        )}
      </For>
      <button class="button small" onClick={() => props.onStyles([...props.board.styles, { id: props.newId(), name: `Style ${props.board.styles.length + 1}`, prefix: '', suffix: '', negativePrompt: '' }])}>
        + Style
      </button>

      <h3>Budget</h3>
      <label class="field">
        <span>Spending cap for this project ($)</span>
        <input
          type="number"
          min={0}
          step={1}
          aria-label="Spending cap in dollars"
          placeholder="No cap"
          value={props.board.spendingCapUsd ?? ''}
          onChange={(e) => props.onCap(e.currentTarget.value === '' ? undefined : Math.max(0, Number(e.currentTarget.value)))}
        />
      </label>
      <p class="hint">A batch whose estimate is over the cap does not start; the estimate uses list prices.</p>
    </aside>
  );
}
