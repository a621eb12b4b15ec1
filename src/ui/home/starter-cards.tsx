import { For, Show } from 'solid-js';
import { restoreWorkflow } from '../../core/graph/restore-workflow';
import { STARTER_WORKFLOWS } from '../../core/graph/starter-workflows';
import { WorkflowDiagram } from './workflow-diagram';
import './start.css';

/** The canvas starter workflows as cards with a miniature of their graph; choosing one starts from it. */
export function StarterCards(props: { onPick: (starterName: string) => void; busy?: boolean; small?: boolean }) {
  const starters = STARTER_WORKFLOWS.map((w) => ({ workflow: w, restored: restoreWorkflow(w) }));
  return (
    <div class="start-cards starters" classList={{ small: props.small }}>
      <For each={starters}>
        {({ workflow, restored }) => (
          <button type="button" class="start-card" data-starter={workflow.name} disabled={props.busy} onClick={() => props.onPick(workflow.name)}>
            <span class="start-card-title">{workflow.name}</span>
            <span class="start-poster diagram">
              <Show when={restored.ok && restored.value}>{(r) => <WorkflowDiagram graph={r().graph} />}</Show>
            </span>
            <span class="start-card-text">{workflow.description}</span>
          </button>
        )}
      </For>
    </div>
  );
}
