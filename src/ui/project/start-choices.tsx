import { useNavigate } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { startExistingProject, type StartChoice } from '../../app/start-project';
import { db } from '../../app/db';
import { DescribeBox } from '../home/describe-box';
import { StarterCards } from '../home/starter-cards';
import { TemplateCards } from '../home/template-cards';
import { createLiveQuery } from '../../app/live-query';
import { showToast } from '../shell/toasts';
import '../home/start.css';
import { countFiles } from '../../db/files-repo';

export type StartChoiceKind = 'describe' | 'templates' | 'starters' | 'storyboard';

export interface StartChoicesProps {
  projectId: string;
  /** Ways the view offers itself (the Canvas lists its starters; the Code view has the Director chat). */
  omit?: readonly StartChoiceKind[];
  /** One line per way to start, for a view that must stay usable around it (the empty Canvas). */
  compact?: boolean;
  /** Called once the project has what was chosen, before the view that continues it opens. */
  onStarted?: (choice: StartChoice) => void;
}

/**
 * What a project without code offers instead of a build error: describe the video to the
 * Director, start from a template, or load a canvas starter. Shows nothing once the project has
 * source files, so a view can mount it unconditionally.
 */
export function StartChoices(props: StartChoicesProps) {
  const navigate = useNavigate();
  const fileCount = createLiveQuery(() => countFiles(db, props.projectId), 0);
  const [busy, setBusy] = createSignal(false);
  const offers = (kind: StartChoiceKind) => !props.omit?.includes(kind);

  const start = async (choice: StartChoice) => {
    setBusy(true);
    try {
      const result = await startExistingProject(db, props.projectId, choice);
      if (!result.ok) return showToast({ kind: 'error', message: result.message });
      props.onStarted?.(choice);
      navigate(result.value.path);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Show when={fileCount.loaded() && fileCount.value() === 0}>
      <section class="start-choices" classList={{ compact: props.compact }} data-testid="start-choices" aria-label="Start this video">
        <Show
          when={offers('describe')}
          fallback={
            <header class="start-choices-head">
              <h2>Start this video</h2>
              <p class="hint">This project has no code yet. Describe your video to the Director on the left, or start from a template.</p>
            </header>
          }
        >
          <DescribeBox compact busy={busy()} onSubmit={(prompt) => void start({ kind: 'prompt', prompt })} />
        </Show>
        <Show when={offers('templates')}>
          <h3 class="start-section-title">{offers('describe') ? 'Or start from a template' : 'Templates'}</h3>
          <TemplateCards size={props.compact ? 'chip' : 'small'} busy={busy()} onPick={(templateId) => void start({ kind: 'template', templateId })} />
        </Show>
        <Show when={offers('starters')}>
          <h3 class="start-section-title">Or wire it on the canvas</h3>
          <StarterCards small busy={busy()} onPick={(starterName) => void start({ kind: 'starter', starterName })} />
        </Show>
        <Show when={offers('storyboard')}>
          <h3 class="start-section-title">Or plan it shot by shot</h3>
          <button class="button" onClick={() => navigate(`/projects/${props.projectId}/storyboard`)}>
            Open the Storyboard
          </button>
        </Show>
      </section>
    </Show>
  );
}
