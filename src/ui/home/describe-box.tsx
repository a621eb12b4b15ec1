import { createMemo, createSignal, createUniqueId, Show } from 'solid-js';
import { sizeFromPrompt } from '../../core/project/project-from-prompt';
import './start.css';

export interface DescribeBoxProps {
  /** One line of text and the button beside it: for a page that has more to show. */
  compact?: boolean;
  busy?: boolean;
  /** Shown under the heading; the heading is left out in the compact form. */
  lead?: string;
  onSubmit: (prompt: string) => void;
}

const onMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
export const SUBMIT_SHORTCUT = onMac ? '⌘ Enter' : 'Ctrl+Enter';

/** "Describe your video": a prompt for the Director, and the size it will get, read from the words. */
export function DescribeBox(props: DescribeBoxProps) {
  const id = createUniqueId();
  const [text, setText] = createSignal('');
  const size = createMemo(() => sizeFromPrompt(text()));
  const submit = () => {
    if (!text().trim() || props.busy) return;
    props.onSubmit(text());
  };

  return (
    <form
      class="describe-box"
      classList={{ compact: props.compact }}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <label class="describe-heading" for={`describe-${id}`}>
        Describe your video
      </label>
      <Show when={props.lead && !props.compact}>
        <p class="hint describe-lead">{props.lead}</p>
      </Show>
      <div class="describe-input">
        <textarea
          id={`describe-${id}`}
          name="prompt"
          rows={props.compact ? 2 : 4}
          maxLength={4000}
          placeholder="A 20-second launch video for our coffee app: warm colours, upbeat, end on the logo."
          value={text()}
          onInput={(e) => setText(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              submit();
            }
          }}
        />
        <div class="describe-foot">
          <span class="hint" data-testid="prompt-size">
            {size().preset.label}
            {size().cue ? `, because you said “${size().cue}”` : ' · say “vertical” or “square” for another shape'}
          </span>
          <button class="button primary" type="submit" disabled={props.busy || !text().trim()} title={`Make it (${SUBMIT_SHORTCUT})`}>
            {props.busy ? 'Starting…' : 'Make it'}
          </button>
        </div>
      </div>
    </form>
  );
}
