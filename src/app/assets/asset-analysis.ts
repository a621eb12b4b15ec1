import type { Asset } from '../../core/project/records';
import { kindOfType } from './asset-kinds';
import { audioWorker, mediaWorker } from '../workers/page-workers';

/** What a card shows beyond the file itself; computed once per asset, then cached (see analysis-jobs.ts). */
export type AssetAnalysis =
  | { kind: 'image'; width: number; height: number }
  | { kind: 'video'; durationSec: number; width: number; height: number; hasAudio: boolean; poster: Blob | null }
  | {
      kind: 'audio';
      durationSec: number;
      /** Min and max sample per waveform bucket, -1..1. */
      peaks: { min: number[]; max: number[] };
      /** 0 when the audio has no steady beat. */
      bpm: number;
      beats: number[];
      downbeats: number[];
      beatsPerBar: number;
    };

/** Kinds whose preview needs computing; fonts, SVG and text preview directly from the blob. */
export function needsAnalysis(asset: Pick<Asset, 'type'>): boolean {
  const kind = kindOfType(asset.type);
  return kind === 'image' || kind === 'video' || kind === 'audio';
}

/** Enough buckets for a sharp waveform on a card at 2x pixel density. */
const WAVEFORM_BUCKETS = 640;
const POSTER_WIDTH = 480;

export async function analyzeAsset(asset: Asset, onStage: (stage: string) => void): Promise<AssetAnalysis> {
  const kind = kindOfType(asset.type);
  if (kind === 'image') return analyzeImage(asset);
  if (kind === 'video') return analyzeVideo(asset, onStage);
  if (kind === 'audio') return analyzeAudio(asset, onStage);
  throw new Error(`${asset.name}: nothing to analyse for ${asset.type}`);
}

async function analyzeImage(asset: Asset): Promise<AssetAnalysis> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(asset.blob);
  } catch {
    throw new Error('The image cannot be decoded: the file is damaged or incomplete.');
  }
  const analysis = { kind: 'image' as const, width: bitmap.width, height: bitmap.height };
  bitmap.close();
  return analysis;
}

async function analyzeVideo(asset: Asset, onStage: (stage: string) => void): Promise<AssetAnalysis> {
  onStage('Reading the video…');
  const media = mediaWorker();
  const probe = await media.call('probe', [asset.blob, {}, asset.name], { fileName: asset.name });
  if (!probe.hasVideo) throw new Error('The file has no video track.');
  onStage('Making a poster frame…');
  // A frame a little way in: first frames are often black (fade-ins).
  const at = Math.min(1, probe.durationSec * 0.1);
  const poster = await media
    .call('extractFrame', [asset.blob, { at, maxWidth: POSTER_WIDTH, type: 'image/jpeg' }, asset.name], { fileName: asset.name })
    .then((frame) => frame.image)
    .catch(() => null);
  return { kind: 'video', durationSec: probe.durationSec, width: probe.width, height: probe.height, hasAudio: probe.hasAudio, poster };
}

async function analyzeAudio(asset: Asset, onStage: (stage: string) => void): Promise<AssetAnalysis> {
  onStage('Drawing the waveform and finding the beat…');
  // Two workers decode in parallel: the waveform at a low rate, the beat analysis at its own.
  const [peaks, beats] = await Promise.all([
    mediaWorker().call('waveform', [asset.blob, { buckets: WAVEFORM_BUCKETS }, asset.name], { fileName: asset.name }),
    audioWorker().call('analyzeFile', [asset.blob, {}, asset.name], { fileName: asset.name }),
  ]);
  return {
    kind: 'audio',
    durationSec: peaks.durationSec,
    peaks: { min: Array.from(peaks.min), max: Array.from(peaks.max) },
    bpm: beats.bpm,
    beats: beats.beats,
    downbeats: beats.downbeats,
    beatsPerBar: beats.beatsPerBar,
  };
}
