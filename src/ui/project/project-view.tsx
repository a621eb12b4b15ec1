import { useParams } from '@solidjs/router';
import { lazy, Match, Switch } from 'solid-js';

const CodeView = lazy(() => import('../code/code-view'));
const RenderView = lazy(() => import('../render/render-view'));
const CanvasView = lazy(() => import('../canvas/canvas-view'));
const AssetsView = lazy(() => import('../assets/assets-view'));
const StoryboardView = lazy(() => import('../storyboard/storyboard-view'));
const AutopilotView = lazy(() => import('../autopilot/autopilot-view'));

/**
 * The body of a project tab. Each view is an honest empty state until its feature lands: it says
 * what will be there, and shows what the project already holds.
 */
export default function ProjectView() {
  const params = useParams<{ view: string }>();
  return (
    <Switch fallback={<EmptyView title="Unknown view" text={`“${params.view}” is not a view of a project.`} />}>
      <Match when={params.view === 'canvas'}>
        <CanvasView />
      </Match>
      <Match when={params.view === 'storyboard'}>
        <StoryboardView />
      </Match>
      <Match when={params.view === 'autopilot'}>
        <AutopilotView />
      </Match>
      <Match when={params.view === 'code'}>
        <CodeView />
      </Match>
      <Match when={params.view === 'render'}>
        <RenderView />
      </Match>
      <Match when={params.view === 'assets'}>
        <AssetsView />
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

