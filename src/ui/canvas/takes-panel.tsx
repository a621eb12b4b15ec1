import { createSignal, For, Show } from 'solid-js';
import './node-media.css';
import type { Take } from '../../core/graph/take-store';
import { paramsThatDiffer, shortValue } from '../../core/graph/take-diff';
import { takeOrigin } from '../../core/graph/take-origin';
import { makeDexieTakeStore } from '../../db/graph-stores';
import { db } from '../../app/db';
import { createLiveQuery } from '../../app/live-query';
import { AssetPreview } from './node-output';
import { assetIdOf } from '../../app/graph/runners/asset-refs';


/** What a take made, as small as a gallery cell: the video, image, still or text. */
function TakePreview(props: { take: Take }) {
  const out = () => props.take.outputs;
  const video = () => assetIdOf(out().video) ?? assetIdOf(out().render);
  return (
    <Show when={video()} fallback={
      <Show when={assetIdOf(out().image)} fallback={
        <Show when={typeof out().preview === 'string' && (out().preview as string)} fallback={<span class="take-text">{shortValue(out().text ?? Object.keys(out()).join(', '), 90)}</span>}>
          {(src) => <img class="node-thumb" src={src()} alt="" />}
        </Show>
      }>
        {(id) => <AssetPreview assetId={id()} kind="image" />}
      </Show>
    }>
      {(id) => <AssetPreview assetId={id()} kind="video" />}
    </Show>
  );
}

const time = (ms: number) => new Date(ms).toLocaleString(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });

/**
 * A node's history gallery: every output it made, newest first, with what differs from the
 * current params. Pick one to make it current again, tick two to compare them side by side,
 * or make a new take with a fresh seed.
 */
export function TakesPanel(props: {
  projectId: string;
  nodeId: string;
  /** The node's cache key now: the take made with exactly these params and inputs is "current". */
  currentKey: string | undefined;
  currentParams: Record<string, unknown>;
  canReseed: boolean;
  onPick: (take: Take, number: number) => void;
  onNewTake: () => void;
}) {
  const store = makeDexieTakeStore(db);
  const takes = createLiveQuery(() => store.listByNode(props.projectId, props.nodeId), [] as Take[]);
  const [ticked, setTicked] = createSignal<string[]>([]);
  const [comparing, setComparing] = createSignal(false);
  const numbered = () => takes.value().map((take, i) => ({ take, number: i + 1 })).reverse();
  const tick = (id: string, on: boolean) => setTicked((list) => (on ? [...list.filter((x) => x !== id), id].slice(-2) : list.filter((x) => x !== id)));
  const pair = () => ticked().map((id) => numbered().find((n) => n.take.id === id)!).filter(Boolean);

  return (
    <section class="takes" aria-label="Takes">
      <div class="takes-head">
        <strong>Takes ({takes.value().length})</strong>
        <Show when={props.canReseed}>
          <button class="button small" onClick={props.onNewTake} title="Run again with a new random seed; the current take stays in the gallery">
            New take
          </button>
        </Show>
        <button class="button small" disabled={ticked().length !== 2} onClick={() => setComparing(true)} title="Tick two takes to compare them">
          Compare
        </button>
      </div>
      <Show when={takes.value().length} fallback={<p class="hint">Each run of this node keeps its output here.</p>}>
        <ol class="take-list">
          <For each={numbered()}>
            {({ take, number }) => {
              const changed = () => paramsThatDiffer(take.params, props.currentParams);
              const current = () => take.cacheKey === props.currentKey;
              return (
                <li class="take" classList={{ current: current() }} data-testid="take" data-current={current() ? 'true' : 'false'}>
                  <TakePreview take={take} />
                  <div class="take-meta">
                    <label class="hint">
                      <input type="checkbox" aria-label={`Compare take ${number}`} checked={ticked().includes(take.id)} onChange={(e) => tick(take.id, e.currentTarget.checked)} /> Take {number}
                    </label>
                    <span class="hint">{time(take.createdAt)}</span>
                    <Show when={takeOrigin(take.outputs)?.local}>
                      <span class="badge local-demo" data-testid="local-demo-take" title={`Made by the local demo ${takeOrigin(take.outputs)!.provider} of npm start (drawn from the prompt), not the real model`}>
                        Local demo
                      </span>
                    </Show>
                    <Show when={changed().length}>
                      <span class="hint" title={changed().map((k) => `${k}: ${shortValue(take.params[k])}`).join('\n')}>
                        differs in {changed().join(', ')}
                      </span>
                    </Show>
                    <Show when={current()} fallback={<button class="button small" onClick={() => props.onPick(take, number)}>Use this take</button>}>
                      <span class="badge">current</span>
                    </Show>
                  </div>
                </li>
              );
            }}
          </For>
        </ol>
      </Show>
      <Show when={comparing() && pair().length === 2}>
        <div class="dialog-backdrop" onClick={(e) => e.target === e.currentTarget && setComparing(false)}>
          <div class="dialog compare-takes" role="dialog" aria-label="Compare takes" onKeyDown={(e) => e.key === 'Escape' && setComparing(false)}>
            <h3>
              Take {pair()[0]!.number} and take {pair()[1]!.number}
            </h3>
            <div class="compare-grid">
              <For each={pair()}>
                {({ take, number }) => {
                  const other = () => pair().find((p) => p.take.id !== take.id)!.take;
                  return (
                    <div class="compare-column" data-testid="compare-column">
                      <TakePreview take={take} />
                      <dl>
                        <For each={paramsThatDiffer(take.params, other().params)} fallback={<dd class="hint">Same params (a re-run)</dd>}>
                          {(name) => (
                            <>
                              <dt>{name}</dt>
                              <dd>{shortValue(take.params[name], 80)}</dd>
                            </>
                          )}
                        </For>
                      </dl>
                      <button class="button small" onClick={() => (setComparing(false), props.onPick(take, number))}>
                        Use take {number}
                      </button>
                    </div>
                  );
                }}
              </For>
            </div>
            <button class="button small" onClick={() => setComparing(false)}>
              Close
            </button>
          </div>
        </div>
      </Show>
    </section>
  );
}
