import { createEffect, createSignal, For, on, onCleanup, onMount, Show, type Accessor } from 'solid-js';
import type { CompositionInfo, RuntimeErrorInfo, RuntimeWarning } from '../../core/preview/sandbox-protocol';
import { makeSandboxHost, type SandboxHost } from '../../app/preview/sandbox-host';
import { showToast } from '../shell/toasts';

export interface PreviewPanelProps {
  compositions: Accessor<CompositionInfo[]>;
  generation: Accessor<number>;
  selected: Accessor<string | null>;
  onSelect: (id: string) => void;
  inputProps: Accessor<Record<string, unknown>>;
  onSandbox: (host: SandboxHost) => void;
  onRuntimeError: (error: RuntimeErrorInfo) => void;
  /** Given: remote media the project uses can be saved into this project's assets from the warning. */
  projectId?: string;
  /** Given: the "Still" button is shown and receives the PNG of the current frame. */
  onStill?: (png: Blob, compositionId: string, frame: number) => void;
  /** Every frame the player shows (playing, seeking, stepping). */
  onFrame?: (frame: number, playing: boolean) => void;
}

/**
 * The sandboxed player with its controls: composition picker, play/pause, loop, frame scrubber.
 * Space plays and pauses, arrows step a frame (Shift: ten) when focus is not in a text field.
 */
export function PreviewPanel(props: PreviewPanelProps) {
  let frameHost!: HTMLDivElement;
  const [host, setHost] = createSignal<SandboxHost>();
  const [frame, setFrame] = createSignal(0);
  /** How many shows the player has put on the page: tests wait on it after a rebuild. */
  const [shows, setShows] = createSignal(0);
  const [playing, setPlaying] = createSignal(false);
  const [loop, setLoop] = createSignal(true);
  /** The runtime's compatibility notes for this project (remote media as placeholders, fonts offline). */
  const [warnings, setWarnings] = createSignal<RuntimeWarning[]>([]);
  const [saving, setSaving] = createSignal(false);
  /** Downloads the remote files from the app (the sandbox has no network) and keeps them as assets; the rebuild picks them up. */
  const saveRemote = async (urls: string[]) => {
    setSaving(true);
    try {
      const { saveRemoteAssets } = await import('../../app/assets/save-remote-assets');
      const results = await saveRemoteAssets(props.projectId!, urls);
      const failed = results.filter((r) => !r.result.ok);
      if (failed.length)
        showToast({ kind: 'error', message: `Not saved: ${failed.map((r) => `${r.url} (${(r.result as { reason: string }).reason})`).join('; ')}.` });
      else showToast({ kind: 'info', message: `Saved ${results.length} remote file${results.length === 1 ? '' : 's'} into the assets; the project now works offline.` });
    } finally {
      setSaving(false);
    }
  };
  const current = () => props.compositions().find((c) => c.id === props.selected()) ?? props.compositions()[0];

  onMount(() => {
    let painted = false;
    const sandbox = makeSandboxHost(frameHost, {
      onFrame: (f, p) => {
        // User timing for `npm run bench` and DevTools: the first frame the player showed.
        if (!painted) performance.mark('director:first-preview-frame');
        painted = true;
        setFrame(f);
        setPlaying(p);
        props.onFrame?.(f, p);
      },
      onRuntimeError: props.onRuntimeError,
      onWarning: () => setWarnings(sandbox.warnings()),
      onShown: () => setShows((n) => n + 1),
    });
    setHost(sandbox);
    props.onSandbox(sandbox);
    onCleanup(() => sandbox.dispose());
  });

  // A new bundle, another composition, new props or loop: show it again at the same frame.
  createEffect(
    on([props.generation, current, props.inputProps, loop], () => {
      const comp = current();
      const sandbox = host();
      if (!comp || !sandbox) return;
      setWarnings(sandbox.warnings());
      void sandbox.show(comp.id, props.inputProps(), Math.min(frame(), comp.durationInFrames - 1), loop());
    }),
  );

  const step = (delta: number) => {
    const comp = current();
    if (!comp) return;
    const next = Math.max(0, Math.min(comp.durationInFrames - 1, frame() + delta));
    host()?.seek(next);
    setFrame(next);
  };
  const toggle = () => (playing() ? host()?.pause() : host()?.play());

  const onKey = (e: KeyboardEvent) => {
    const target = e.target as HTMLElement | null;
    if (target?.closest('input, textarea, select, [contenteditable], .cm-editor, [role=dialog]')) return;
    if (e.key === ' ') {
      e.preventDefault();
      toggle();
    } else if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
      e.preventDefault();
      step((e.key === 'ArrowLeft' ? -1 : 1) * (e.shiftKey ? 10 : 1));
    }
  };
  onMount(() => window.addEventListener('keydown', onKey));
  onCleanup(() => window.removeEventListener('keydown', onKey));

  const time = (f: number, fps: number) => `${Math.floor(f / fps / 60)}:${String(Math.floor(f / fps) % 60).padStart(2, '0')}.${String(f % fps).padStart(2, '0')}`;

  return (
    <section class="preview-panel" aria-label="Preview">
      <div class="preview-stage" style={{ 'aspect-ratio': current() ? `${current()!.width} / ${current()!.height}` : '16 / 9' }} ref={frameHost} data-shows={shows()} />
      <div class="player-controls">
        <button class="button small" onClick={toggle} aria-label={playing() ? 'Pause' : 'Play'} title="Play / pause (Space)">
          {playing() ? '❚❚' : '▶'}
        </button>
        <input
          type="range"
          class="scrubber"
          aria-label="Frame"
          min={0}
          max={Math.max(0, (current()?.durationInFrames ?? 1) - 1)}
          value={frame()}
          onInput={(e) => {
            setFrame(e.currentTarget.valueAsNumber);
            host()?.seek(e.currentTarget.valueAsNumber);
          }}
        />
        <span class="frame-counter" data-testid="frame-counter">
          {frame()} / {(current()?.durationInFrames ?? 1) - 1}
          <Show when={current()}>{(c) => <span class="hint"> · {time(frame(), c().fps)}</span>}</Show>
        </span>
        <label class="inline hint" title="Loop playback">
          <input type="checkbox" checked={loop()} onChange={(e) => setLoop(e.currentTarget.checked)} /> Loop
        </label>
        <Show when={props.onStill}>
          <button
            class="button small"
            title="Save the current frame as a PNG"
            onClick={async () => {
              const comp = current();
              const sandbox = host();
              if (!comp || !sandbox) return;
              const f = frame();
              try {
                props.onStill!(await sandbox.still(comp.id, props.inputProps(), f), comp.id, f);
              } catch (e) {
                props.onRuntimeError({ message: `The still could not be rendered: ${(e as Error).message}` });
              }
            }}
          >
            Still
          </button>
        </Show>
        <select aria-label="Composition" value={current()?.id ?? ''} onChange={(e) => props.onSelect(e.currentTarget.value)}>
          <For each={props.compositions()}>{(c) => <option value={c.id}>{c.id} · {c.width}×{c.height} · {c.fps} fps</option>}</For>
        </select>
      </div>
      <Show when={warnings().length > 0}>
        <ul class="preview-warnings" role="status" data-testid="preview-warnings">
          <For each={warnings()}>
            {(w) => (
              <li>
                {w.message}
                <Show when={w.urls?.length && props.projectId}>
                  {' '}
                  <button class="button small" disabled={saving()} onClick={() => void saveRemote(w.urls!)}>
                    {saving() ? 'Saving…' : 'Save into assets'}
                  </button>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}