import { createMemo, createSignal, For, onMount } from 'solid-js';
import type { AnyNodeKindDef } from '../../core/graph/node-kind';

/** Search the node kinds by name or description; Enter adds the highlighted one. */
export function NodePalette(props: { kinds: readonly AnyNodeKindDef[]; onPick: (kind: string) => void; onClose: () => void }) {
  const [query, setQuery] = createSignal('');
  const [index, setIndex] = createSignal(0);
  let input!: HTMLInputElement;
  // Every word must match somewhere; titles that start with the query come first, then titles
  // that contain it, then matches in the description only.
  const hits = createMemo(() => {
    const q = query().toLowerCase().trim();
    const words = q.split(/\s+/).filter(Boolean);
    const rank = (k: AnyNodeKindDef) => {
      const title = k.title.toLowerCase();
      return title.startsWith(q) ? 0 : title.includes(q) || k.kind.includes(q) ? 1 : 2;
    };
    return props.kinds
      .filter((k) => words.every((w) => `${k.title} ${k.kind} ${k.description}`.toLowerCase().includes(w)))
      .map((k, i) => ({ k, r: rank(k), i }))
      .sort((a, b) => a.r - b.r || a.i - b.i)
      .map((x) => x.k);
  });
  onMount(() => input.focus());
  return (
    <div class="dialog-backdrop" onClick={(e) => e.target === e.currentTarget && props.onClose()}>
      <div class="dialog palette" role="dialog" aria-label="Add a node">
        <input
          ref={input}
          aria-label="Search nodes"
          placeholder="Search nodes…"
          value={query()}
          onInput={(e) => {
            setQuery(e.currentTarget.value);
            setIndex(0);
          }}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') setIndex((i) => Math.min(i + 1, hits().length - 1));
            else if (e.key === 'ArrowUp') setIndex((i) => Math.max(i - 1, 0));
            else if (e.key === 'Enter' && hits()[index()]) props.onPick(hits()[index()]!.kind);
            else if (e.key === 'Escape') props.onClose();
          }}
        />
        <ul class="palette-list" role="listbox">
          <For each={hits()} fallback={<li class="hint">No node matches.</li>}>
            {(k, i) => (
              <li role="option" aria-selected={i() === index()} classList={{ active: i() === index() }} onMouseMove={() => setIndex(i())} onClick={() => props.onPick(k.kind)}>
                <strong>{k.title}</strong> <span class="hint">{k.description}</span>
              </li>
            )}
          </For>
        </ul>
      </div>
    </div>
  );
}
