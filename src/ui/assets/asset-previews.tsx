import { createSignal, Match, onCleanup, Show, Switch } from 'solid-js';
import type { Asset } from '../../core/project/records';
import type { AssetAnalysis } from '../../app/assets/asset-analysis';
import { kindOfType } from '../../app/assets/asset-kinds';
import { formatDuration } from './format-duration';
import { createObjectUrl } from './object-url';
import type { AnalysisState } from './use-asset-analysis';
import { WaveformCanvas } from './waveform-canvas';

/**
 * The picture at the top of a card: what a person recognises an asset by. Images and SVG show
 * themselves, video its poster frame and length, audio its waveform with beats and tempo, fonts
 * a sample line. Work in progress shows a spinner; a damaged file shows why, with a retry.
 */
export function AssetPreview(props: { asset: Asset; name: string; state: AnalysisState }) {
  const kind = kindOfType(props.asset.type);
  const analysisOf = <K extends AssetAnalysis['kind']>(k: K) => {
    const a = props.state.analysis();
    return a?.kind === k ? (a as Extract<AssetAnalysis, { kind: K }>) : undefined;
  };
  return (
    <div class="asset-preview" data-kind={kind ?? 'other'}>
      <Switch fallback={<FileBadge name={props.name} />}>
        <Match when={props.state.error()}>
          {(message) => (
            <div class="asset-preview-error" role="alert">
              <p>{message()}</p>
              <button class="button small" onClick={() => props.state.retry()}>
                Try again
              </button>
            </div>
          )}
        </Match>
        <Match when={kind === 'image' || kind === 'svg'}>
          <ImagePreview asset={props.asset} name={props.name} />
        </Match>
        <Match when={kind === 'video' && analysisOf('video')}>{(video) => <VideoPoster name={props.name} analysis={video()} />}</Match>
        <Match when={kind === 'audio' && analysisOf('audio')}>{(audio) => <AudioPicture name={props.name} analysis={audio()} />}</Match>
        <Match when={kind === 'font'}>
          <FontSample asset={props.asset} />
        </Match>
        <Match when={props.state.stage()}>{(stage) => <Working text={stage()} />}</Match>
      </Switch>
    </div>
  );
}

function Working(props: { text: string }) {
  return (
    <div class="asset-working" role="status">
      <span class="spinner" aria-hidden="true" />
      <span>{props.text}</span>
    </div>
  );
}

function ImagePreview(props: { asset: Asset; name: string }) {
  const url = createObjectUrl(() => props.asset.blob);
  return <img class="asset-thumbnail" src={url()} alt={`Preview of ${props.name}`} decoding="async" loading="lazy" data-testid="asset-thumbnail" />;
}

function VideoPoster(props: { name: string; analysis: Extract<AssetAnalysis, { kind: 'video' }> }) {
  const url = createObjectUrl(() => props.analysis.poster);
  return (
    <>
      <Show when={url()} fallback={<span class="hint">No frame could be drawn</span>}>
        <img class="asset-thumbnail" src={url()} alt={`A frame of ${props.name}`} data-testid="asset-poster" />
      </Show>
      <span class="asset-duration" data-testid="asset-duration">
        {formatDuration(props.analysis.durationSec)}
      </span>
    </>
  );
}

function AudioPicture(props: { name: string; analysis: Extract<AssetAnalysis, { kind: 'audio' }> }) {
  const a = () => props.analysis;
  const tempo = () => (a().bpm > 0 ? `${Math.round(a().bpm)} BPM` : 'No steady beat');
  return (
    <>
      <WaveformCanvas
        picture={{ min: a().peaks.min, max: a().peaks.max, durationSec: a().durationSec, beats: a().beats, downbeats: a().downbeats }}
        label={`Waveform of ${props.name}: ${tempo()}, ${a().beats.length} beats in ${formatDuration(a().durationSec)}`}
      />
      <span class="asset-tempo" data-testid="asset-bpm">
        {tempo()}
        <Show when={a().bpm > 0 && a().beatsPerBar}> · {a().beatsPerBar}/4</Show>
      </span>
      <span class="asset-duration">{formatDuration(a().durationSec)}</span>
    </>
  );
}

let fontCount = 0;

/** Loads the font under a private family name for as long as the card shows. */
function FontSample(props: { asset: Asset }) {
  const family = `director-asset-font-${++fontCount}`;
  const [state, setState] = createSignal<'loading' | 'ready' | 'failed'>('loading');
  let face: FontFace | undefined;
  void props.asset.blob
    .arrayBuffer()
    .then((bytes) => new FontFace(family, bytes).load())
    .then((loaded) => {
      face = loaded;
      document.fonts.add(loaded);
      setState('ready');
    })
    .catch(() => setState('failed'));
  onCleanup(() => face && document.fonts.delete(face));
  return (
    <Switch>
      <Match when={state() === 'loading'}>
        <Working text="Loading the font…" />
      </Match>
      <Match when={state() === 'failed'}>
        <p class="asset-preview-error" role="alert">
          The font cannot be read: the file is damaged or not a font.
        </p>
      </Match>
      <Match when={state() === 'ready'}>
        <p class="asset-font-sample" style={{ 'font-family': `"${family}"` }} data-testid="font-sample">
          The quick brown fox jumps over the lazy dog 0123456789
        </p>
      </Match>
    </Switch>
  );
}

function FileBadge(props: { name: string }) {
  const extension = () => /\.([a-z0-9]+)$/i.exec(props.name)?.[1]?.toUpperCase() ?? 'FILE';
  return (
    <span class="asset-file-badge" aria-hidden="true">
      {extension()}
    </span>
  );
}
