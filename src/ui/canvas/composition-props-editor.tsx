import { For } from 'solid-js';
import type { DeclaredProp } from '../../core/graph/composition-props';
import { PROP_TYPES } from '../../core/graph/kinds';

/**
 * The props a Composition node takes from the graph: each row becomes an input port of that type
 * (composition code reads images, videos and audio with `staticFile(props.name)`).
 */
export function CompositionPropsEditor(props: { value: DeclaredProp[]; onChange: (next: DeclaredProp[]) => void }) {
  const update = (i: number, change: Partial<DeclaredProp>) => props.onChange(props.value.map((p, j) => (j === i ? { ...p, ...change } : p)));
  const freeName = () => {
    for (let n = 1; ; n++) if (!props.value.some((p) => p.name === `prop${n}`)) return `prop${n}`;
  };
  return (
    <fieldset class="field composition-props" aria-label="Wired props">
      <legend>Props wired from the graph</legend>
      <For each={props.value} fallback={<p class="hint">None yet: the composition uses its default props.</p>}>
        {(prop, i) => (
          <div class="inline prop-row">
            <input aria-label={`Prop ${i() + 1} name`} value={prop.name} onChange={(e) => update(i(), { name: e.currentTarget.value.trim() })} />
            <select aria-label={`Prop ${i() + 1} type`} value={prop.type} onChange={(e) => update(i(), { type: e.currentTarget.value as DeclaredProp['type'] })}>
              <For each={PROP_TYPES}>{(t) => <option value={t}>{t}</option>}</For>
            </select>
            <label class="hint" title="Takes several wires, in order, as a list">
              <input type="checkbox" aria-label={`Prop ${i() + 1} takes a list`} checked={Boolean(prop.multiple)} onChange={(e) => update(i(), { multiple: e.currentTarget.checked })} /> list
            </label>
            <button type="button" class="link" aria-label={`Remove prop ${prop.name}`} onClick={() => props.onChange(props.value.filter((_, j) => j !== i()))}>
              ×
            </button>
          </div>
        )}
      </For>
      <button type="button" class="button small" onClick={() => props.onChange([...props.value, { name: freeName(), type: 'text', multiple: false }])}>
        Add prop
      </button>
    </fieldset>
  );
}
