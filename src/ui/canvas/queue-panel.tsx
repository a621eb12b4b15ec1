import { For, Show } from 'solid-js';
import type { JobRecord } from '../../core/graph/job-store';

/** Jobs of the current runs: state, progress, and cancel / run first / retry; pause and resume all. */
export function QueuePanel(props: {
  jobs: JobRecord[];
  nameOf: (nodeId: string) => string;
  onCancel: (id: string) => void;
  onRunFirst: (id: string) => void;
  onRetry: (id: string) => void;
  paused?: boolean;
  onPause?: (paused: boolean) => void;
}) {
  return (
    <Show when={props.jobs.length}>
      <section class="queue-panel" aria-label="Queue" data-testid="queue-panel">
        <h4>
          Queue
          <Show when={props.onPause}>
            <button class="button small" onClick={() => props.onPause!(!props.paused)} title={props.paused ? 'Let waiting jobs start again' : 'Running jobs finish; waiting ones do not start'}>
              {props.paused ? 'Resume all' : 'Pause all'}
            </button>
          </Show>
        </h4>
        <Show when={props.paused}>
          <p class="hint">Paused: waiting jobs start when you resume.</p>
        </Show>
        <ul>
          <For each={props.jobs}>
            {(job) => (
              <li data-state={job.state}>
                <span class="queue-name">{props.nameOf(job.nodeId)}</span>
                <span class="hint">
                  {job.state}
                  {job.state === 'running' ? ` ${Math.round(job.progress * 100)}%` : ''}
                  {job.attempts > 1 ? ` · attempt ${job.attempts}` : ''}
                </span>
                <progress max={1} value={job.progress} />
                <Show when={job.state === 'queued'}>
                  <button class="button small" onClick={() => props.onRunFirst(job.id)}>
                    Run first
                  </button>
                </Show>
                <Show when={job.state === 'queued' || job.state === 'running'}>
                  <button class="button small danger" onClick={() => props.onCancel(job.id)}>
                    Cancel
                  </button>
                </Show>
                <Show when={job.state === 'error' || job.state === 'cancelled'}>
                  <button class="button small" onClick={() => props.onRetry(job.id)}>
                    Retry
                  </button>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </section>
    </Show>
  );
}
