import { useParams } from '@solidjs/router';
import { For, Match, Show, Switch } from 'solid-js';
import { db } from '../db';
import { createLiveQuery } from '../live-query';
import { useProject } from './project-context';

/**
 * The body of a project tab. Each view is an honest empty state until its feature lands: it says
 * what will be there, and shows what the project already holds.
 */
export default function ProjectView() {
  const params = useParams<{ view: string }>();
  return (
    <Switch fallback={<EmptyView title="Unknown view" text={`“${params.view}” is not a view of a project.`} />}>
      <Match when={params.view === 'canvas'}>
        <EmptyView
          title="Canvas"
          text="Wire generation on a node canvas: images, prompts, faces and characters, Veo video, extensions, beats, compositions and renders. The graph runs only what changed and resumes after a reload."
        />
      </Match>
      <Match when={params.view === 'storyboard'}>
        <EmptyView title="Storyboard" text="Plan scenes, clips and takes with characters, style templates, voiceover, subtitles and music synced to beats." />
      </Match>
      <Match when={params.view === 'code'}>
        <CodeView />
      </Match>
      <Match when={params.view === 'render'}>
        <EmptyView title="Render" text="Export in the browser or render at full resolution on a server, with progress and downloads." />
      </Match>
    </Switch>
  );
}

function EmptyView(props: { title: string; text: string }) {
  return (
    <section class="empty-state" data-testid="empty-view">
      <h2>{props.title}</h2>
      <p>{props.text}</p>
      <p class="hint">Coming soon in Director.</p>
    </section>
  );
}

/** Until the editor lands: the project's source tree, read-only. */
function CodeView() {
  const project = useProject();
  const files = createLiveQuery(() => db.files.where('projectId').equals(project().id).sortBy('path'), []);
  return (
    <Show when={files.value().length > 0} fallback={<EmptyView title="Code" text="The project's Remotion source, an editor and a live preview beside it." />}>
      <section class="file-list" aria-label="Source files">
        <h2>Source files</h2>
        <ul>
          <For each={files.value()}>
            {(f) => (
              <li>
                <code>{f.path}</code> <span class="hint">{f.content.length.toLocaleString()} characters</span>
              </li>
            )}
          </For>
        </ul>
        <p class="hint">The editor and live preview are coming soon.</p>
      </section>
    </Show>
  );
}
