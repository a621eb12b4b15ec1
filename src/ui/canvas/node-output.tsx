import { Show } from 'solid-js';
import { takeOrigin } from '../../core/graph/take-origin';
import type { NodeView } from '../../app/graph/create-graph-runner';
import { createAssetUrl, FaceBoxes, NodeWaveform, type FaceBox } from './node-media';
import { NodeError } from './node-error';
import { isAssetRef } from '../../app/graph/runners/asset-refs';

/** A project asset as a node shows it: image, muted video that plays on hover, or an audio player. */
export function AssetPreview(props: { assetId: string; kind: 'image' | 'video' | 'audio' }) {
  const url = createAssetUrl(() => props.assetId);
  return (
    <Show when={url()}>
      {(src) =>
        props.kind === 'image' ? (
          <img class="node-thumb" src={src()} alt="" />
        ) : props.kind === 'video' ? (
          <video class="node-thumb" src={src()} muted loop playsinline onPointerEnter={(e) => void e.currentTarget.play()} onPointerLeave={(e) => e.currentTarget.pause()} />
        ) : (
          <audio src={src()} controls class="node-audio" />
        )
      }
    </Show>
  );
}

/** What a node shows inside: its output (thumbnail, playable video, text, beats), its progress or its error. */
export function NodeOutput(props: { view: NodeView | undefined; params: Record<string, unknown>; kind: string }) {
  const out = () => props.view?.outputs ?? {};
  const ref = (v: unknown) => (isAssetRef(v) ? v.assetId : null);
  const uploaded = () => (typeof props.params.assetId === 'string' ? props.params.assetId : null);
  return (
    <div class="node-output">
      <Show when={(props.view?.state === 'error' || props.view?.state === 'blocked') && props.view.message}>
        {(message) => <NodeError message={message()} />}
      </Show>
      <Show when={props.view?.state === 'running' && props.view.progress !== undefined}>
        <progress class="node-progress" max={1} value={props.view!.progress} aria-label="Progress" />
      </Show>
      <Show when={props.view?.state === 'running' && props.view.message}>
        <span class="hint node-status">{props.view!.message}…</span>
      </Show>
      <Show when={ref(out().video)}>{(id) => <AssetPreview assetId={id()} kind="video" />}</Show>
      <Show when={ref(out().image) ?? (props.kind === 'image' ? uploaded() : null)}>{(id) => <AssetPreview assetId={id()} kind="image" />}</Show>
      <Show when={props.kind === 'audio' && uploaded()}>
        {(id) => (
          <>
            <NodeWaveform assetId={id()} />
            <AssetPreview assetId={id()} kind="audio" />
          </>
        )}
      </Show>
      <Show when={takeOrigin(out())?.local}>
        <span class="badge local-demo" title="Made by the local demo provider of npm start (drawn from the prompt), not the real model">
          Local demo
        </span>
      </Show>
      <Show when={typeof out().text === 'string' && out().text}>
        <span class="node-text">{String(out().text).slice(0, 140)}</span>
      </Show>
      <Show when={props.kind === 'prompt' && !out().text && props.params.text}>
        <span class="node-text hint">{String(props.params.text).slice(0, 140)}</span>
      </Show>
      <IdentityBadge consistency={out().consistency} />
      <Show when={out().faces as { faces: FaceBox[]; issues: string[]; width?: number; height?: number; imageAssetId?: string } | undefined}>
        {(f) => (
          <>
            <Show when={f().imageAssetId && f().width && f().height}>
              <FaceBoxes assetId={f().imageAssetId!} width={f().width!} height={f().height!} faces={f().faces} />
            </Show>
            <span class="hint">
              {f().faces.length} face(s){f().issues.length ? ` · ${f().issues.join(', ')}` : ''}
            </span>
          </>
        )}
      </Show>
      <Show when={out().character as { name: string; references: unknown[] } | undefined}>
        {(c) => (
          <span class="hint">
            {c().name} · {c().references.length} reference(s)
          </span>
        )}
      </Show>
      <Show when={out().composition as { compositionId: string; width: number; height: number; fps: number; durationInFrames: number } | undefined}>
        {(c) => (
          <>
            <Show when={typeof out().preview === 'string' && (out().preview as string)}>{(src) => <img class="node-thumb" src={src()} alt={`${c().compositionId} at a third in`} />}</Show>
            <span class="hint" data-testid="composition-summary">
              {c().compositionId} · {c().width}×{c().height} · {(c().durationInFrames / c().fps).toFixed(1)} s
            </span>
          </>
        )}
      </Show>
      <Show when={out().beats as { bpm: number; beats: number[]; downbeats: number[]; audioAssetId?: string } | undefined}>
        {(b) => (
          <>
          <Show when={b().audioAssetId}>{(id) => <NodeWaveform assetId={id()} beats={b()} />}</Show>
          <span class="hint">
            {Math.round(b().bpm)} BPM · {b().beats.length} beats
          </span>
          </>
        )}
      </Show>
    </div>
  );
}

export interface Consistency {
  character: string;
  score: number | null;
  framesWithFace: number;
}

/** How well a take kept its character's face: the share of sampled frames where it was recognised. */
export function IdentityBadge(props: { consistency: unknown }) {
  const c = () => props.consistency as Consistency | undefined;
  return (
    <Show when={c()}>
      {(c) => (
        <span class="identity-badge" data-testid="identity-badge" classList={{ low: (c().score ?? 0) < 0.7 }} title={`${c().character} recognised in ${Math.round((c().score ?? 0) * 100)}% of the ${c().framesWithFace} sampled frames with a face`}>
          {c().character}: {c().score === null ? 'no face' : `${Math.round(c().score! * 100)}% identity`}
        </span>
      )}
    </Show>
  );
}
