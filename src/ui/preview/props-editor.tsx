import { For, Match, Switch, createSignal } from 'solid-js';

type JsonSchema = { type?: string | string[]; properties?: Record<string, JsonSchema>; enum?: unknown[]; description?: string; items?: JsonSchema };

const COLOR_BRAND = '__remotion-color';

/**
 * A form generated from a composition's props schema (JSON Schema from zod): text, numbers,
 * switches, choices, colour pickers; lists and nested objects as checked JSON.
 */
export function PropsEditor(props: { schema: JsonSchema | null; values: Record<string, unknown>; onChange: (values: Record<string, unknown>) => void }) {
  const fields = () => Object.entries(props.schema?.properties ?? {});
  const set = (key: string, value: unknown) => props.onChange({ ...props.values, [key]: value });
  return (
    <form class="props-editor" aria-label="Composition props" onSubmit={(e) => e.preventDefault()}>
      <For each={fields()} fallback={<p class="hint">This composition has no props schema. Add `schema={'{'}z.object(...){'}'}` to its {'<Composition>'} to edit props here.</p>}>
        {([key, field]) => (
          <label class="field">
            <span>{key}</span>
            <Switch fallback={<JsonField value={props.values[key]} onChange={(v) => set(key, v)} label={key} />}>
              <Match when={field.description === COLOR_BRAND}>
                <div class="inline">
                  <input type="color" aria-label={`${key} colour`} value={toHex(String(props.values[key] ?? '#000000'))} onInput={(e) => set(key, e.currentTarget.value)} />
                  <input aria-label={key} value={String(props.values[key] ?? '')} onChange={(e) => set(key, e.currentTarget.value)} />
                </div>
              </Match>
              <Match when={field.enum}>
                <select aria-label={key} value={String(props.values[key] ?? '')} onChange={(e) => set(key, e.currentTarget.value)}>
                  <For each={field.enum}>{(option) => <option value={String(option)}>{String(option)}</option>}</For>
                </select>
              </Match>
              <Match when={field.type === 'string'}>
                <input aria-label={key} value={String(props.values[key] ?? '')} onInput={(e) => set(key, e.currentTarget.value)} />
              </Match>
              <Match when={field.type === 'number' || field.type === 'integer'}>
                <input type="number" aria-label={key} value={Number(props.values[key] ?? 0)} onInput={(e) => Number.isFinite(e.currentTarget.valueAsNumber) && set(key, e.currentTarget.valueAsNumber)} />
              </Match>
              <Match when={field.type === 'boolean'}>
                <input type="checkbox" aria-label={key} checked={Boolean(props.values[key])} onChange={(e) => set(key, e.currentTarget.checked)} />
              </Match>
            </Switch>
          </label>
        )}
      </For>
    </form>
  );
}

function JsonField(props: { value: unknown; onChange: (value: unknown) => void; label: string }) {
  const [problem, setProblem] = createSignal('');
  return (
    <>
      <textarea
        aria-label={props.label}
        rows={4}
        value={JSON.stringify(props.value, null, 2)}
        onInput={(e) => {
          try {
            props.onChange(JSON.parse(e.currentTarget.value));
            setProblem('');
          } catch {
            setProblem('Not valid JSON yet.');
          }
        }}
      />
      <span class="error-text">{problem()}</span>
    </>
  );
}

/** <input type=color> wants #rrggbb. */
function toHex(color: string): string {
  if (/^#[0-9a-f]{6}$/i.test(color)) return color;
  if (/^#[0-9a-f]{3}$/i.test(color)) return '#' + [...color.slice(1)].map((c) => c + c).join('');
  return '#000000';
}
