import { For, Match, Switch, createSignal, type JSX } from 'solid-js';

export type JsonSchema = { type?: string | string[]; properties?: Record<string, JsonSchema>; enum?: unknown[]; anyOf?: JsonSchema[]; const?: unknown; description?: string; items?: JsonSchema };

const COLOR_BRAND = '__remotion-color';

/** The choices of a field: an enum, or a union of constants (`z.union([z.literal(4), z.literal(8)])`). */
function choicesOf(field: JsonSchema): unknown[] | undefined {
  if (field.enum) return field.enum;
  if (field.anyOf?.length && field.anyOf.every((c) => 'const' in c)) return field.anyOf.map((c) => c.const);
  return undefined;
}

/**
 * A form generated from a props schema (JSON Schema from zod): text, numbers, switches, choices,
 * colour pickers; lists and nested objects as checked JSON. Fields are named by their keys unless
 * `fieldLabel` names them ("Duration (s)" for `durationSeconds`), choices likewise by `optionLabel`.
 */
export function PropsEditor(props: {
  schema: JsonSchema | null;
  values: Record<string, unknown>;
  onChange: (values: Record<string, unknown>) => void;
  label?: string;
  fieldLabel?: (key: string) => string;
  optionLabel?: (key: string, value: unknown) => string;
  /** Shown when there is nothing to edit; by default, how to give a composition a props schema. */
  empty?: JSX.Element;
}) {
  const fields = () => Object.entries(props.schema?.properties ?? {});
  const set = (key: string, value: unknown) => props.onChange({ ...props.values, [key]: value });
  const nameOf = (key: string) => props.fieldLabel?.(key) ?? key;
  return (
    <form class="props-editor" aria-label={props.label ?? 'Composition props'} onSubmit={(e) => e.preventDefault()}>
      <For
        each={fields()}
        fallback={'empty' in props ? props.empty : <p class="hint">This composition has no props schema. Add `schema={'{'}z.object(...){'}'}` to its {'<Composition>'} to edit props here.</p>}
      >
        {([key, field]) => (
          <label class="field">
            <span>{nameOf(key)}</span>
            <Switch fallback={<JsonField value={props.values[key]} onChange={(v) => set(key, v)} label={nameOf(key)} />}>
              <Match when={field.description === COLOR_BRAND}>
                <div class="inline">
                  <input type="color" aria-label={`${nameOf(key)} colour`} value={toHex(String(props.values[key] ?? '#000000'))} onInput={(e) => set(key, e.currentTarget.value)} />
                  <input aria-label={nameOf(key)} value={String(props.values[key] ?? '')} onChange={(e) => set(key, e.currentTarget.value)} />
                </div>
              </Match>
              <Match when={choicesOf(field)}>
                {(choices) => (
                  // Options carry their index: a choice may be a number (a duration), not only a string.
                  <select aria-label={nameOf(key)} value={String(choices().findIndex((c) => c === props.values[key]))} onChange={(e) => set(key, choices()[Number(e.currentTarget.value)])}>
                    <For each={choices()}>{(option, i) => <option value={String(i())}>{props.optionLabel?.(key, option) ?? String(option)}</option>}</For>
                  </select>
                )}
              </Match>
              <Match when={field.type === 'string'}>
                <input aria-label={nameOf(key)} value={String(props.values[key] ?? '')} onInput={(e) => set(key, e.currentTarget.value)} />
              </Match>
              <Match when={field.type === 'number' || field.type === 'integer'}>
                <input type="number" aria-label={nameOf(key)} value={Number(props.values[key] ?? 0)} onInput={(e) => Number.isFinite(e.currentTarget.valueAsNumber) && set(key, e.currentTarget.valueAsNumber)} />
              </Match>
              <Match when={field.type === 'boolean'}>
                <input type="checkbox" aria-label={nameOf(key)} checked={Boolean(props.values[key])} onChange={(e) => set(key, e.currentTarget.checked)} />
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
