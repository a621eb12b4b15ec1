import { createEffect, createSignal, For, onCleanup, Show } from 'solid-js';
import { checkProjectInput, FPS_CHOICES, SIZE_PRESETS, type NewProjectInput } from '../../core/project/project';

/** The form behind "New project": a name, a size preset and a frame rate. */
export function NewProjectDialog(props: { open: boolean; onCancel: () => void; onCreate: (input: NewProjectInput) => Promise<string | null> }) {
  const [name, setName] = createSignal('Untitled video');
  const [preset, setPreset] = createSignal<string>(SIZE_PRESETS[0]!.id);
  const [fps, setFps] = createSignal(30);
  const [problem, setProblem] = createSignal('');
  const [busy, setBusy] = createSignal(false);

  // Escape closes the dialog wherever focus is.
  createEffect(() => {
    if (!props.open) return;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && props.onCancel();
    window.addEventListener('keydown', onKey);
    onCleanup(() => window.removeEventListener('keydown', onKey));
  });

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const size = SIZE_PRESETS.find((p) => p.id === preset())!;
    const input = { name: name(), width: size.width, height: size.height, fps: fps() };
    const local = checkProjectInput(input);
    if (local) return setProblem(local.message);
    setBusy(true);
    const failure = await props.onCreate(input);
    setBusy(false);
    if (failure) return setProblem(failure);
    setName('Untitled video');
    setProblem('');
  };

  return (
    <Show when={props.open}>
      <div class="dialog-backdrop" onClick={(e) => e.target === e.currentTarget && props.onCancel()}>
        <form class="dialog" role="dialog" aria-modal="true" aria-labelledby="new-project-title" onSubmit={submit}>
          <h2 id="new-project-title">New project</h2>
          <label class="field">
            <span>Name</span>
            <input name="name" value={name()} onInput={(e) => setName(e.currentTarget.value)}
              ref={(el) => queueMicrotask(() => el.select())}
              maxLength={120}
              required
            />
          </label>
          <fieldset class="field presets">
            <legend>Size</legend>
            <For each={SIZE_PRESETS}>
              {(p) => (
                <label class="preset" classList={{ selected: preset() === p.id }}>
                  <input type="radio" name="size" value={p.id} checked={preset() === p.id} onChange={() => setPreset(p.id)} />
                  <span class="preset-shape" style={{ 'aspect-ratio': `${p.width} / ${p.height}` }} />
                  <span>{p.label}</span>
                </label>
              )}
            </For>
          </fieldset>
          <label class="field">
            <span>Frame rate</span>
            <select name="fps" value={fps()} onChange={(e) => setFps(Number(e.currentTarget.value))}>
              <For each={FPS_CHOICES}>{(f) => <option value={f}>{f} fps</option>}</For>
            </select>
          </label>
          <Show when={problem()}>
            <p class="error-text" role="alert">
              {problem()}
            </p>
          </Show>
          <div class="dialog-actions">
            <button type="button" class="button" onClick={() => props.onCancel()}>
              Cancel
            </button>
            <button type="submit" class="button primary" disabled={busy()}>
              Create
            </button>
          </div>
        </form>
      </div>
    </Show>
  );
}
