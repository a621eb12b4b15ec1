import { createMemo, createSignal, For, Show } from 'solid-js';
import type { Take } from '../../core/graph/take-store';
import type { StoryboardClip, StoryboardScene } from '../../core/storyboard/storyboard-types';
import type { NodeView } from '../../app/graph/create-graph-runner';
import { AssetPreview, IdentityBadge } from '../canvas/node-output';

export interface ClipCardState {
  view: NodeView | undefined;
  takes: Take[];
  /** The take the cut uses: its video is the card's poster. */
  videoAssetId: string | null;
  /** That take's identity check against the clip's character, when it has one. */
  consistency?: unknown;
}

export interface SceneRowProps {
  scene: StoryboardScene;
  sceneIndex: number;
  selected: ReadonlySet<string>;
  focused: string | null;
  stateOf: (clip: StoryboardClip) => ClipCardState;
  onSelect: (clipId: string, how: 'only' | 'toggle' | 'range') => void;
  onMoveClip: (clipId: string, sceneId: string, index: number) => void;
  onMoveScene: (sceneId: string, index: number) => void;
  onRenameScene: (title: string) => void;
  onRemoveScene: () => void;
  onAddClip: () => void;
  onGenerateScene: () => void;
  onEditPrompt: (clipId: string, prompt: string) => void;
  onContextMenu: (clipId: string, x: number, y: number) => void;
}

const CLIP_TYPE = 'application/x-director-clip';
const SCENE_TYPE = 'application/x-director-scene';

/**
 * One scene: its title (editable, draggable to reorder scenes) and its clips as cards in play
 * order. Cards drag within and across scenes; a drop lands before the card under the pointer.
 */
export function SceneRow(props: SceneRowProps) {
  const [dropAt, setDropAt] = createSignal<number | null>(null);
  const indexAt = (e: DragEvent, index: number) => {
    const card = (e.currentTarget as HTMLElement).getBoundingClientRect();
    return e.clientX > card.left + card.width / 2 ? index + 1 : index;
  };
  const accepts = (e: DragEvent) => e.dataTransfer?.types.includes(CLIP_TYPE) || e.dataTransfer?.types.includes(SCENE_TYPE);
  const drop = (e: DragEvent, index: number) => {
    e.preventDefault();
    setDropAt(null);
    const clipId = e.dataTransfer?.getData(CLIP_TYPE);
    const sceneId = e.dataTransfer?.getData(SCENE_TYPE);
    if (clipId) props.onMoveClip(clipId, props.scene.id, index);
    else if (sceneId) props.onMoveScene(sceneId, props.sceneIndex);
  };

  return (
    <section
      class="scene-row"
      aria-label={props.scene.title}
      data-testid="scene-row"
      style={props.scene.color ? { 'border-left-color': props.scene.color } : {}}
      onDragOver={(e) => accepts(e) && (e.preventDefault(), setDropAt((d) => d ?? props.scene.clips.length))}
      onDragLeave={(e) => !(e.currentTarget as HTMLElement).contains(e.relatedTarget as Node) && setDropAt(null)}
      onDrop={(e) => drop(e, dropAt() ?? props.scene.clips.length)}
    >
      <header class="scene-head">
        <span
          class="scene-grip"
          draggable={true}
          title="Drag to reorder scenes"
          aria-hidden="true"
          onDragStart={(e) => e.dataTransfer?.setData(SCENE_TYPE, props.scene.id)}
        >
          ⋮⋮
        </span>
        <input class="scene-title" aria-label="Scene title" value={props.scene.title} onChange={(e) => props.onRenameScene(e.currentTarget.value.trim() || props.scene.title)} />
        <span class="hint">
          {props.scene.clips.length} clip{props.scene.clips.length === 1 ? '' : 's'} · {seconds(props.scene.clips.reduce((n, c) => n + c.cutSeconds, 0))}
        </span>
        <button class="button small" onClick={() => props.onAddClip()}>
          + Clip
        </button>
        <button class="button small" disabled={!props.scene.clips.length} onClick={() => props.onGenerateScene()} title="Generate every clip of this scene that is not made yet">
          Generate scene
        </button>
        <button class="button small danger" aria-label={`Delete scene ${props.scene.title}`} onClick={() => props.onRemoveScene()}>
          Delete scene
        </button>
      </header>
      <div class="clip-strip" role="listbox" aria-multiselectable="true" aria-label={`Clips of ${props.scene.title}`}>
        <For each={props.scene.clips}>
          {(clip, index) => (
            <ClipCard
              clip={clip}
              number={index() + 1}
              sceneTitle={props.scene.title}
              state={props.stateOf(clip)}
              selected={props.selected.has(clip.id)}
              focused={props.focused === clip.id}
              dropBefore={dropAt() === index()}
              onSelect={(how) => props.onSelect(clip.id, how)}
              onEditPrompt={(prompt) => props.onEditPrompt(clip.id, prompt)}
              onContextMenu={(x, y) => props.onContextMenu(clip.id, x, y)}
              onDragOver={(e) => accepts(e) && (e.preventDefault(), e.stopPropagation(), setDropAt(indexAt(e, index())))}
              onDrop={(e) => (e.stopPropagation(), drop(e, indexAt(e, index())))}
            />
          )}
        </For>
        <Show when={dropAt() === props.scene.clips.length}>
          <div class="drop-marker" />
        </Show>
        <Show when={props.scene.clips.length === 0}>
          <p class="hint clip-empty">No clips yet: add one, or drop a clip here.</p>
        </Show>
      </div>
    </section>
  );
}

function ClipCard(props: {
  clip: StoryboardClip;
  number: number;
  sceneTitle: string;
  state: ClipCardState;
  selected: boolean;
  focused: boolean;
  dropBefore: boolean;
  onSelect: (how: 'only' | 'toggle' | 'range') => void;
  onEditPrompt: (prompt: string) => void;
  onContextMenu: (x: number, y: number) => void;
  onDragOver: (e: DragEvent) => void;
  onDrop: (e: DragEvent) => void;
}) {
  const [editing, setEditing] = createSignal(false);
  // Read once per change: the card shows several facets of it.
  const card$ = createMemo(() => props.state);
  const state = () => card$().view?.state ?? (card$().takes.length ? 'done' : 'idle');
  const status = () => {
    const v = card$().view;
    if (state() === 'running') return `Generating ${Math.round((v?.progress ?? 0) * 100)}%`;
    if (state() === 'queued') return 'Queued';
    if (state() === 'error') return v?.message || 'Failed';
    if (state() === 'stale') return 'Changed: generate again';
    if (props.clip.mediaName && !props.clip.mediaAssetId && !card$().takes.length) return `Missing: ${props.clip.mediaName}`;
    if (props.clip.mediaAssetId && !card$().takes.length) return 'Footage';
    if (!props.clip.prompt.trim()) return 'No prompt yet';
    return card$().takes.length ? `${card$().takes.length} take${card$().takes.length === 1 ? '' : 's'}` : 'Not generated';
  };
  let card!: HTMLDivElement;
  return (
    <>
      <Show when={props.dropBefore}>
        <div class="drop-marker" />
      </Show>
      <div
        ref={card}
        class="clip-card"
        classList={{ selected: props.selected, focused: props.focused, [`state-${state()}`]: true }}
        role="option"
        aria-selected={props.selected}
        aria-label={`${props.sceneTitle} · clip ${props.number}`}
        data-testid="clip-card"
        data-clip-id={props.clip.id}
        tabIndex={props.focused ? 0 : -1}
        draggable={!editing()}
        onDragStart={(e) => {
          e.dataTransfer?.setData(CLIP_TYPE, props.clip.id);
          if (e.dataTransfer) e.dataTransfer.effectAllowed = 'move';
        }}
        onDragOver={props.onDragOver}
        onDrop={props.onDrop}
        onClick={(e) => props.onSelect(e.shiftKey ? 'range' : e.ctrlKey || e.metaKey ? 'toggle' : 'only')}
        onDblClick={() => setEditing(true)}
        onContextMenu={(e) => {
          e.preventDefault();
          props.onSelect('only');
          props.onContextMenu(e.clientX, e.clientY);
        }}
      >
        <div class="clip-poster">
          <Show when={card$().videoAssetId} fallback={<div class="clip-placeholder">{props.clip.shotType}</div>}>
            {(id) => <AssetPreview assetId={id()} kind="video" />}
          </Show>
          <span class="clip-length">{seconds(props.clip.cutSeconds)}</span>
        </div>
        <Show
          when={editing()}
          fallback={
            <p class="clip-prompt" title="Double-click to edit">
              {props.clip.prompt || <span class="hint">Describe the shot…</span>}
            </p>
          }
        >
          <textarea
            class="clip-prompt-edit"
            aria-label="Clip prompt"
            value={props.clip.prompt}
            ref={(el) => queueMicrotask(() => el.focus())}
            onKeyDown={(e) => {
              if (e.key === 'Escape') setEditing(false);
              if (e.key === 'Enter' && !e.shiftKey) {
                e.preventDefault();
                props.onEditPrompt(e.currentTarget.value);
                setEditing(false);
                card.focus();
              }
            }}
            onBlur={(e) => {
              props.onEditPrompt(e.currentTarget.value);
              setEditing(false);
            }}
          />
        </Show>
        <p class="clip-status" data-testid="clip-status">
          {status()}
        </p>
        <IdentityBadge consistency={card$().consistency} />
        <Show when={state() === 'running'}>
          <progress max={1} value={card$().view?.progress ?? 0} />
        </Show>
      </div>
    </>
  );
}

export const seconds = (s: number) => `${Number.isInteger(s) ? s : s.toFixed(1)} s`;
