import { createSignal, onMount, Show } from 'solid-js';
import type { Rect } from '../../core/graph/group-bounds';

const TITLE_HEIGHT = 32;
const TITLE_FONT = 14;
/** Smallest title size on screen, in px. */
const TITLE_MIN_SCREEN_FONT = 12;

/**
 * A group drawn behind its nodes: a tinted rounded frame with a title bar. Dragging the title bar
 * moves the group's nodes; double-clicking it renames the group. The frame's body lets pointer
 * events through, so panning and box selection work over it as on the background.
 */
export function GroupFrame(props: {
  id: string;
  label: string;
  color: string;
  bounds: Rect;
  /** The canvas zoom: zoomed out, the title grows (upwards, off the nodes) to stay readable. */
  zoom: number;
  onTitleDown: (e: PointerEvent) => void;
  /** Shows the name field (the canvas detects the double press: pointer capture retargets dblclick). */
  editing: boolean;
  onRename: (label: string | null) => void;
}) {
  const font = () => Math.max(TITLE_FONT, TITLE_MIN_SCREEN_FONT / props.zoom);
  const height = () => Math.max(TITLE_HEIGHT, font() * 1.8);
  return (
    <div
      class="graph-group"
      data-testid="graph-group"
      data-group-id={props.id}
      style={{ left: `${props.bounds.x}px`, top: `${props.bounds.y}px`, width: `${props.bounds.width}px`, height: `${props.bounds.height}px`, '--group-color': props.color }}
    >
      <div
        class="graph-group-title"
        data-testid="graph-group-title"
        title="Drag to move the group; double-click to rename"
        style={{ height: `${height()}px`, 'font-size': `${font()}px`, 'margin-top': `${TITLE_HEIGHT - height()}px` }}
        onPointerDown={(e) => props.onTitleDown(e)}
      >
        <Show when={props.editing} fallback={<span class="graph-group-label">{props.label}</span>}>
          <GroupLabelInput label={props.label} onDone={props.onRename} />
        </Show>
      </div>
    </div>
  );
}

/** Enter or leaving the field keeps the new label; Escape keeps the old one. */
function GroupLabelInput(props: { label: string; onDone: (label: string | null) => void }) {
  let input!: HTMLInputElement;
  const [done, setDone] = createSignal(false);
  const finish = (label: string | null) => {
    if (done()) return;
    setDone(true);
    props.onDone(label);
  };
  onMount(() => {
    input.focus();
    input.select();
  });
  return (
    <input
      ref={input}
      class="graph-group-input"
      aria-label="Group name"
      value={props.label}
      onPointerDown={(e) => e.stopPropagation()}
      onKeyDown={(e) => {
        if (e.key === 'Enter') finish(e.currentTarget.value);
        else if (e.key === 'Escape') finish(null);
      }}
      onBlur={(e) => finish(e.currentTarget.value)}
    />
  );
}
