import { createMemo, createSignal, For, Show } from 'solid-js';
import { costSummary, generationHistory, type GenerationRecord } from '../../core/graph/generation-history';
import type { JobState } from '../../core/graph/job-store';
import { modelLabelOf, PRICES_READ_ON, formatUsd } from '../../core/pricing/model-presets';
import { listProjectJobs, mapProjectTakes } from '../../db/graph-stores';
import { db } from '../../app/db';
import { createLiveQuery } from '../../app/live-query';
import { relativeTime } from '../shell/relative-time';

const STATE_LABELS: Record<JobState, string> = { queued: 'Queued', running: 'Running', done: 'Made', error: 'Failed', cancelled: 'Cancelled' };

/**
 * Every generation of the project (canvas and storyboard), newest first, with filters, and what
 * it cost at list prices: the history a person checks before spending more.
 */
export function HistoryPanel(props: { projectId: string; nameOf: (nodeId: string) => string }) {
  const jobs = createLiveQuery(() => listProjectJobs(db, props.projectId), []);
  const takes = createLiveQuery(() => mapProjectTakes(db, props.projectId), new Map());
  const [state, setState] = createSignal<JobState | ''>('');
  const [model, setModel] = createSignal('');
  const records = createMemo(() => generationHistory(jobs.value(), takes.value()));
  const shown = createMemo(() => records().filter((r) => (!state() || r.state === state()) && (!model() || r.model === model())));
  const summary = createMemo(() => costSummary(records()));
  const models = () => [...new Set(records().map((r) => r.model))];
  const took = (r: GenerationRecord) => (r.finishedAt ? `${Math.max(1, Math.round((r.finishedAt - r.queuedAt) / 1000))} s` : '');

  return (
    <aside class="inspector storyboard-inspector" aria-label="Generation history">
      <h3>Spent</h3>
      <p data-testid="cost-summary">
        <strong>{formatUsd(summary().usd)}</strong> for {summary().generations} generation{summary().generations === 1 ? '' : 's'} ({summary().seconds} s of video)
      </p>
      <For each={summary().byModel}>{(m) => <p class="hint">{m.label}: {m.generations} · {formatUsd(m.usd)}</p>}</For>
      <p class="hint">At list prices read {PRICES_READ_ON}; local demo takes and failed generations cost nothing.</p>
      <div class="field-grid">
        <label class="field">
          <span>State</span>
          <select aria-label="Filter by state" value={state()} onChange={(e) => setState(e.currentTarget.value as JobState | '')}>
            <option value="">All</option>
            <For each={Object.entries(STATE_LABELS)}>{([value, label]) => <option value={value}>{label}</option>}</For>
          </select>
        </label>
        <label class="field">
          <span>Model</span>
          <select aria-label="Filter by model" value={model()} onChange={(e) => setModel(e.currentTarget.value)}>
            <option value="">All</option>
            <For each={models()}>{(m) => <option value={m}>{modelLabelOf(m)}</option>}</For>
          </select>
        </label>
      </div>
      <Show when={shown().length} fallback={<p class="hint">No generations{state() || model() ? ' match these filters' : ' yet'}.</p>}>
        <ol class="history-list">
          <For each={shown().slice(0, 200)}>
            {(r) => (
              <li data-testid="history-row" data-state={r.state}>
                <div class="history-head">
                  <strong>{props.nameOf(r.nodeId)}</strong>
                  <span class="hint">{STATE_LABELS[r.state]}</span>
                </div>
                <span class="hint">
                  {modelLabelOf(r.model)}
                  {r.seconds ? ` · ${r.seconds} s` : ''}
                  {r.costUsd !== undefined && r.state === 'done' ? ` · ${r.local ? 'local demo, free' : formatUsd(r.costUsd)}` : ''} · queued {relativeTime(r.queuedAt)}
                  {took(r) ? ` · took ${took(r)}` : ''}
                </span>
                <Show when={r.error}>{(e) => <span class="hint warn">{e()}</span>}</Show>
              </li>
            )}
          </For>
        </ol>
      </Show>
    </aside>
  );
}
