import { createEffect, createSignal, on, Show } from 'solid-js';

/**
 * A node's error in its body, under the ports: a few lines, then "more" shows the rest (the node
 * grows, and nodes under it move down). The whole message is also the tooltip.
 */
export function NodeError(props: { message: string }) {
  const [open, setOpen] = createSignal(false);
  const [longer, setLonger] = createSignal(false);
  let text!: HTMLSpanElement;
  // Whether the clamp hides anything is known only once the text is laid out.
  createEffect(on(() => props.message, () => requestAnimationFrame(() => text.isConnected && !open() && setLonger(text.scrollHeight > text.clientHeight + 1))));
  return (
    <div class="node-error">
      <span ref={text} class="error-text" classList={{ clamped: !open() }} title={props.message} data-testid="node-error">
        {props.message}
      </span>
      <Show when={longer()}>
        <button type="button" class="link-button" aria-expanded={open()} onPointerDown={(e) => e.stopPropagation()} onClick={() => setOpen(!open())}>
          {open() ? 'less' : 'more'}
        </button>
      </Show>
    </div>
  );
}
