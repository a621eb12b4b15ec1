import { createResource, For, Show } from 'solid-js';
import './node-media.css';
import { analysisJob } from '../../app/assets/analysis-jobs';
import { createObjectUrl } from '../assets/object-url';
import { WaveformCanvas } from '../assets/waveform-canvas';
import { db } from '../../app/db';
import { getAsset } from '../../db/assets-repo';

const assetById = (id: string) => getAsset(db, id);

/** An object URL for a project asset, following the id and revoked when it changes or goes. */
export function createAssetUrl(assetId: () => string) {
  const [asset] = createResource(assetId, assetById);
  return createObjectUrl(() => asset()?.blob);
}

/**
 * An audio asset's waveform on a node, with beat ticks: the node's own beats when given (a Beats
 * node with its tempo range), otherwise the asset's analysis (the same job the Assets view uses).
 */
export function NodeWaveform(props: { assetId: string; beats?: { beats: number[]; downbeats: number[] } }) {
  const [analysis] = createResource(
    () => props.assetId,
    async (id) => {
      const asset = await assetById(id);
      if (!asset) return null;
      const result = await analysisJob(asset).result.catch(() => null);
      return result?.kind === 'audio' ? result : null;
    },
  );
  return (
    <Show when={analysis()}>
      {(a) => (
        <div class="node-waveform">
          <WaveformCanvas
            picture={{ min: a().peaks.min, max: a().peaks.max, durationSec: a().durationSec, beats: props.beats?.beats ?? a().beats, downbeats: props.beats?.downbeats ?? a().downbeats }}
            label={`Waveform with ${(props.beats?.beats ?? a().beats).length} beats`}
          />
        </div>
      )}
    </Show>
  );
}

export interface FaceBox {
  box: [number, number, number, number];
  score: number;
}

/** The analysed image with a box around each face found, scaled with the thumbnail. */
export function FaceBoxes(props: { assetId: string; width: number; height: number; faces: FaceBox[] }) {
  const url = createAssetUrl(() => props.assetId);
  return (
    <Show when={url()}>
      {(src) => (
        <div class="node-faces" data-testid="face-boxes" data-faces={props.faces.length}>
          <img class="node-thumb" src={src()} alt="" />
          <svg viewBox={`0 0 ${props.width} ${props.height}`} preserveAspectRatio="xMidYMid meet" aria-hidden="true">
            <For each={props.faces}>
              {(f) => (
                <rect x={f.box[0]} y={f.box[1]} width={f.box[2]} height={f.box[3]} vector-effect="non-scaling-stroke">
                  <title>{`${Math.round(f.score * 100)}% sure`}</title>
                </rect>
              )}
            </For>
          </svg>
        </div>
      )}
    </Show>
  );
}
