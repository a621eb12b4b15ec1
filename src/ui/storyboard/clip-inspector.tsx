import { For, Show } from 'solid-js';
import type { Asset } from '../../core/project/records';
import { PRICES_READ_ON, formatUsd, priceOf } from '../../core/pricing/model-presets';
import { insertComponent, PROMPT_COMPONENTS } from '../../core/storyboard/prompt-components';
import { CLIP_MODEL_CHOICES, composePrompt, DURATIONS_OF_PROVIDER, isVeoClip, generatedResolution, generatedSeconds, MODEL_OF_PROVIDER, resolutionChoices, usesReferenceImages } from '../../core/storyboard/storyboard-graph';
import { CAMERA_MOVES, SHOT_TYPES, type ClipProvider, type Storyboard, type StoryboardClip } from '../../core/storyboard/storyboard-types';

export interface ClipInspectorProps {
  board: Storyboard;
  clip: StoryboardClip;
  title: string;
  images: Asset[];
  onChange: (patch: Partial<StoryboardClip>, coalesce?: string) => void;
  onGenerate: () => void;
  onLinkFootage: (file: File) => void;
  /** The linked footage's asset name, when the clip plays footage. */
  footageName: string | null;
  /** The takes gallery (the canvas's, on this clip's node). */
  takes: () => import('solid-js').JSX.Element;
}

/** The selected clip: prompt with component chips, shot, model and lengths, cast, style, takes. */
export function ClipInspector(props: ClipInspectorProps) {
  const clip = () => props.clip;
  const style = () => props.board.styles.find((s) => s.id === clip().styleId);
  const usesReferences = () => usesReferenceImages(clip(), props.board.characters);
  const willGenerate = () => generatedSeconds(clip(), usesReferences());
  const price = () => priceOf(MODEL_OF_PROVIDER[clip().provider], willGenerate(), generatedResolution(clip(), willGenerate()));
  const set = (patch: Partial<StoryboardClip>, key?: string) => props.onChange(patch, key);

  return (
    <aside class="inspector storyboard-inspector" aria-label="Clip settings">
      <h3>{props.title}</h3>
      <label class="field">
        <span>Prompt</span>
        <textarea rows={4} aria-label="Prompt" value={clip().prompt} maxLength={4000} onInput={(e) => set({ prompt: e.currentTarget.value }, `prompt:${clip().id}`)} placeholder="What happens in this shot" />
      </label>
      <details class="components">
        <summary>Prompt components</summary>
        <For each={Object.entries(PROMPT_COMPONENTS)}>
          {([category, words]) => (
            <div class="component-row">
              <span class="hint">{category}</span>
              <For each={words}>
                {(word) => (
                  <button class="chip" onClick={() => set({ prompt: insertComponent(clip().prompt, word) })}>
                    {word}
                  </button>
                )}
              </For>
            </div>
          )}
        </For>
      </details>
      <div class="field-grid">
        <label class="field">
          <span>Shot</span>
          <select aria-label="Shot type" value={clip().shotType} onChange={(e) => set({ shotType: e.currentTarget.value as StoryboardClip['shotType'] })}>
            <For each={SHOT_TYPES}>{(t) => <option value={t}>{t}</option>}</For>
          </select>
        </label>
        <label class="field">
          <span>Camera</span>
          <select aria-label="Camera move" value={clip().cameraMove} onChange={(e) => set({ cameraMove: e.currentTarget.value as StoryboardClip['cameraMove'] })}>
            <For each={CAMERA_MOVES}>{(m) => <option value={m}>{m}</option>}</For>
          </select>
        </label>
        <label class="field">
          <span>Model</span>
          <select
            aria-label="Model"
            value={clip().provider}
            onChange={(e) => {
              const provider = e.currentTarget.value as ClipProvider;
              const options: readonly number[] = DURATIONS_OF_PROVIDER[provider];
              set({ provider, generateSeconds: options.includes(clip().generateSeconds) ? clip().generateSeconds : options[options.length - 1]! });
            }}
          >
            <For each={CLIP_MODEL_CHOICES}>{(c) => <option value={c.value}>{c.label}</option>}</For>
          </select>
        </label>
        <label class="field">
          <span>Generate</span>
          <select aria-label="Generated length" value={String(clip().generateSeconds)} onChange={(e) => set({ generateSeconds: Number(e.currentTarget.value), cutSeconds: Math.min(clip().cutSeconds, Number(e.currentTarget.value)) })}>
            <For each={[...DURATIONS_OF_PROVIDER[clip().provider]]}>{(d) => <option value={String(d)}>{d} s</option>}</For>
          </select>
        </label>
        <label class="field">
          <span>In the cut (s)</span>
          <input
            type="number"
            aria-label="Length in the cut"
            min={0.5}
            step={0.1}
            max={willGenerate()}
            value={clip().cutSeconds}
            onChange={(e) => {
              const v = Number(e.currentTarget.value);
              if (Number.isFinite(v)) set({ cutSeconds: Math.min(willGenerate(), Math.max(0.5, Math.round(v * 10) / 10)) });
            }}
          />
        </label>
        <label class="field">
          <span>Aspect</span>
          <select aria-label="Aspect ratio" value={clip().aspectRatio} onChange={(e) => set({ aspectRatio: e.currentTarget.value as '16:9' | '9:16' })}>
            <option value="16:9">16:9</option>
            <option value="9:16">9:16</option>
          </select>
        </label>
        <Show when={isVeoClip(clip())}>
          <label class="field">
            <span>Resolution</span>
            <select aria-label="Resolution" value={clip().resolution} onChange={(e) => set({ resolution: e.currentTarget.value as StoryboardClip['resolution'] })}>
              <For each={resolutionChoices(clip())}>{(r) => <option value={r.value} selected={r.value === clip().resolution}>{r.label}</option>}</For>
            </select>
          </label>
        </Show>
        <label class="field">
          <span>Style</span>
          <select aria-label="Style" value={clip().styleId ?? ''} onChange={(e) => set({ styleId: e.currentTarget.value || undefined })}>
            <option value="">No style</option>
            <For each={props.board.styles}>{(s) => <option value={s.id}>{s.name}</option>}</For>
          </select>
        </label>
      </div>
      <label class="field">
        <span>Avoid (negative prompt)</span>
        <input aria-label="Avoid" value={clip().negativePrompt} onInput={(e) => set({ negativePrompt: e.currentTarget.value }, `negative:${clip().id}`)} />
      </label>
      <Show when={clip().mediaName || props.footageName}>
        <div class="field">
          <span class="hint">Footage</span>
          <Show when={props.footageName} fallback={<p class="hint warn" data-testid="missing-footage">{clip().mediaName} is missing: link the file.</p>}>
            <p class="hint">Plays {props.footageName}{clip().sourceInSeconds ? ` from ${clip().sourceInSeconds!.toFixed(2)} s` : ''} (a take, once generated and picked, replaces it).</p>
          </Show>
          <label class="button small file-button">
            {props.footageName ? 'Replace file' : 'Link file'}
            <input type="file" accept="video/*" aria-label="Footage file" onChange={(e) => { const f = e.currentTarget.files?.[0]; if (f) props.onLinkFootage(f); e.currentTarget.value = ''; }} />
          </label>
        </div>
      </Show>
      <label class="field">
        <span>First frame</span>
        <select aria-label="First frame" value={clip().firstFrameAssetId ?? ''} onChange={(e) => set({ firstFrameAssetId: e.currentTarget.value || undefined })}>
          <option value="">None (text → video)</option>
          <For each={props.images}>{(a) => <option value={a.id}>{a.name}</option>}</For>
        </select>
      </label>
      <Show when={clip().firstFrameAssetId && isVeoClip(clip())}>
        <label class="field">
          <span>Last frame</span>
          <select aria-label="Last frame" value={clip().lastFrameAssetId ?? ''} onChange={(e) => set({ lastFrameAssetId: e.currentTarget.value || undefined })}>
            <option value="">None (image → video)</option>
            <For each={props.images}>{(a) => <option value={a.id}>{a.name}</option>}</For>
          </select>
        </label>
      </Show>
      <Show when={isVeoClip(clip())}>
        <label class="check">
          <input type="checkbox" aria-label="Continue the previous clip" checked={Boolean(clip().continuesPrevious)} onChange={(e) => set({ continuesPrevious: e.currentTarget.checked || undefined })} />
          Continue the previous clip from its last frame (Veo extend)
        </label>
      </Show>
      <Show when={clip().provider === 'runway' && !clip().firstFrameAssetId}>
        <p class="hint warn">Runway makes video from an image: choose a first frame.</p>
      </Show>
      <Show when={clip().provider === 'comfyui'}>
        <p class="hint">Runs the Wan 2.1 text→video workflow (image→video with a first frame) on your ComfyUI servers (Settings → Compute); free per second.</p>
      </Show>
      <fieldset class="field">
        <legend>Characters in the shot</legend>
        <Show when={props.board.characters.length} fallback={<span class="hint">Add characters under Cast to keep faces consistent.</span>}>
          <For each={props.board.characters}>
            {(c) => (
              <label class="check">
                <input
                  type="checkbox"
                  checked={clip().characterIds.includes(c.id)}
                  onChange={(e) => set({ characterIds: e.currentTarget.checked ? [...clip().characterIds, c.id] : clip().characterIds.filter((x) => x !== c.id) })}
                />
                {c.name}
              </label>
            )}
          </For>
        </Show>
      </fieldset>
      <div class="sent-prompt">
        <span class="hint">Sent to the model{style() ? ` (style “${style()!.name}”)` : ''}:</span>
        <p data-testid="composed-prompt">{composePrompt(clip(), style(), props.board.characters) || '—'}</p>
        <span class="hint">
          {willGenerate()} s{usesReferences() ? ' (reference images need 8 s)' : ''}
          {price() !== undefined ? ` · about ${formatUsd(price()!)} at list prices read ${PRICES_READ_ON}` : ''}
        </span>
      </div>
      <div class="inline">
        <button class="button small primary" onClick={() => props.onGenerate()} disabled={!clip().prompt.trim()}>
          Generate
        </button>
      </div>
      {props.takes()}
    </aside>
  );
}
