import { createMemo, createSignal, Show } from 'solid-js';
import type { RuntimeErrorInfo } from '../../core/preview/sandbox-protocol';
import { CUT_COMPOSITION_ID } from '../../core/storyboard/cut-composition';
import { listAssets } from '../../db/assets-repo';
import { listFiles } from '../../db/files-repo';
import { db } from '../../app/db';
import { createLiveQuery } from '../../app/live-query';
import type { SandboxHost } from '../../app/preview/sandbox-host';
import { createProjectBuild } from '../preview/create-project-build';
import { PreviewPanel } from '../preview/preview-panel';

/** What the storyboard can ask of the playing cut. */
export interface CutControls {
  seek(seconds: number): void;
}

/**
 * The cut playing in the app: the project's code built and its "Storyboard" composition shown.
 * Its time goes out (`onTime`, for the timeline's playhead) and seeks come in (`controls`).
 */
export function CutPlayer(props: { projectId: string; onTime?: (seconds: number) => void; controls?: (controls: CutControls) => void }) {
  const files = createLiveQuery(() => listFiles(db, props.projectId), []);
  const assets = createLiveQuery(() => listAssets(db, props.projectId), []);
  const [sandbox, setSandbox] = createSignal<SandboxHost>();
  const [runtimeError, setRuntimeError] = createSignal<RuntimeErrorInfo | null>(null);
  const sources = createMemo<ReadonlyMap<string, string>>(() => new Map(files.value().map((f) => [f.path, f.content])));
  const assetList = createMemo(() => assets.value().map((a) => ({ name: a.name, blob: a.blob })));
  const build = createProjectBuild({ projectId: () => props.projectId, files: sources, assets: assetList, sandbox, ready: () => files.loaded() && assets.loaded() });
  const cut = () => build.compositions().filter((c) => c.id === CUT_COMPOSITION_ID);
  const fps = () => cut()[0]?.fps ?? 30;
  props.controls?.({
    seek: (seconds) => {
      const comp = cut()[0];
      if (comp) sandbox()?.seek(Math.max(0, Math.min(comp.durationInFrames - 1, Math.round(seconds * comp.fps))));
    },
  });
  return (
    <section class="cut-player" aria-label="The cut" data-testid="cut-player" data-build={build.status()}>
      <PreviewPanel
        compositions={cut}
        generation={build.generation}
        selected={() => CUT_COMPOSITION_ID}
        onSelect={() => {}}
        inputProps={() => cut()[0]?.defaultProps ?? {}}
        onSandbox={setSandbox}
        onRuntimeError={setRuntimeError}
        onFrame={(frame) => props.onTime?.(frame / fps())}
      />
      <Show when={build.status() === 'error'}>
        <p class="hint warn">The project's code does not build, so the cut cannot play: open the Code view to see why.</p>
      </Show>
      <Show when={runtimeError()}>{(e) => <p class="hint warn">The cut failed while playing: {e().message}</p>}</Show>
    </section>
  );
}
