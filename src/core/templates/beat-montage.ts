import { indexFile, q, type ProjectTemplate } from './template-types';

/**
 * Clips cut on the beat of a music track: the composition the canvas's "Music → beat-cut
 * montage" starter graph renders. Its props (music, beats, clips) are what the graph wires in;
 * without them it previews coloured panels pulsing on a 120 BPM grid.
 */
export const beatMontageTemplate: ProjectTemplate = {
  id: 'beat-montage',
  label: 'Beat montage',
  description: 'Video clips cut on the beat of a music track, with a title; wired from the canvas (music, beats, clips).',
  files: ({ name, width, height, fps }) => ({
    'src/index.ts': indexFile,
    'src/Root.tsx': `import {Composition} from 'remotion';
import {BeatMontage, beatMontageSchema, montageMetadata} from './BeatMontage';

export const Root: React.FC = () => {
  return (
    <Composition
      id="BeatMontage"
      component={BeatMontage}
      durationInFrames={${fps * 8}}
      fps={${fps}}
      width={${width}}
      height={${height}}
      schema={beatMontageSchema}
      calculateMetadata={montageMetadata}
      defaultProps={{
        title: ${q(name)},
        music: '',
        beats: {bpm: 120, beats: [], downbeats: []},
        clips: [],
        beatsPerCut: 4,
      }}
    />
  );
};
`,
    'src/cut-points.ts': `/** Beats as the canvas's Beats node hands them over (seconds). */
export interface BeatGrid {
  bpm: number;
  beats: number[];
  downbeats: number[];
  durationSec?: number;
}

/** The longest montage this template makes, in seconds. */
export const MAX_SECONDS = 60;

/** Seconds: the music's length when known, else the last beat plus two, else 8. */
export function montageSeconds(grid: BeatGrid): number {
  const last = grid.beats[grid.beats.length - 1];
  const seconds = grid.durationSec ?? (last !== undefined ? last + 2 : 8);
  return Math.min(MAX_SECONDS, Math.max(1, seconds));
}

/** A steady grid when no beats are wired, so the montage still cuts in time. */
function beatTimes(grid: BeatGrid, total: number): number[] {
  if (grid.beats.length) return grid.beats;
  const step = 60 / (grid.bpm > 0 ? grid.bpm : 120);
  return Array.from({length: Math.floor(total / step)}, (_, i) => (i + 1) * step);
}

/**
 * Where the cuts fall (seconds, starting at 0): every \`beatsPerCut\` beats, counted from the first
 * downbeat when there is one, never closer than a quarter second.
 */
export function cutPoints(grid: BeatGrid, beatsPerCut: number, total: number): number[] {
  const times = beatTimes(grid, total);
  const firstDownbeat = grid.downbeats[0];
  const start = firstDownbeat === undefined ? 0 : Math.max(0, times.findIndex((t) => t >= firstDownbeat - 0.01));
  const cuts = [0];
  for (let i = start; i < times.length; i += Math.max(1, beatsPerCut)) {
    const t = times[i]!;
    if (t >= total) break;
    if (t - cuts[cuts.length - 1]! >= 0.25) cuts.push(t);
  }
  return cuts;
}
`,
    'src/BeatMontage.tsx': `import {AbsoluteFill, CalculateMetadataFunction, Sequence, interpolate, staticFile, useCurrentFrame, useVideoConfig} from 'remotion';
import {Audio, Video} from '@remotion/media';
import {z} from 'zod';
import {cutPoints, montageSeconds} from './cut-points';

export const beatMontageSchema = z.object({
  title: z.string(),
  /** An audio asset's name (the canvas wires it). */
  music: z.string(),
  beats: z.object({
    bpm: z.number(),
    beats: z.array(z.number()),
    downbeats: z.array(z.number()),
    durationSec: z.number().optional(),
  }),
  /** Video asset names, cut in turn. */
  clips: z.array(z.string()),
  beatsPerCut: z.number().int().min(1).max(16),
});

type Props = z.infer<typeof beatMontageSchema>;

const FPS = ${fps};

/** The montage lasts as long as the music (up to a minute). */
export const montageMetadata: CalculateMetadataFunction<Props> = ({props}) => ({
  durationInFrames: Math.round(montageSeconds(props.beats) * FPS),
});

const PANEL_COLOURS = ['#f5b94a', '#4ac6f5', '#f54a7a', '#7af54a'];

/** What a cut shows without clips: a coloured panel with its number. */
const Panel: React.FC<{index: number}> = ({index}) => {
  const frame = useCurrentFrame();
  const scale = interpolate(frame, [0, 6], [1.08, 1], {extrapolateRight: 'clamp'});
  return (
    <AbsoluteFill style={{backgroundColor: PANEL_COLOURS[index % PANEL_COLOURS.length], justifyContent: 'center', alignItems: 'center', transform: \`scale(\${scale})\`}}>
      <div style={{fontSize: 220, fontWeight: 800, color: '#0009', fontFamily: 'sans-serif'}}>{index + 1}</div>
    </AbsoluteFill>
  );
};

/** A white flash that fades in a few frames after each cut lands. */
const CutFlash: React.FC = () => {
  const frame = useCurrentFrame();
  const opacity = interpolate(frame, [0, 4], [0.35, 0], {extrapolateRight: 'clamp'});
  return <AbsoluteFill style={{backgroundColor: 'white', opacity}} />;
};

export const BeatMontage: React.FC<Props> = ({title, music, beats, clips, beatsPerCut}) => {
  const {fps, durationInFrames} = useVideoConfig();
  const total = durationInFrames / fps;
  const cuts = cutPoints(beats, beatsPerCut, total);
  const frame = useCurrentFrame();
  const titleOpacity = interpolate(frame, [0, fps / 2, fps * 2.5, fps * 3], [0, 1, 1, 0], {extrapolateLeft: 'clamp', extrapolateRight: 'clamp'});
  return (
    <AbsoluteFill style={{backgroundColor: 'black'}}>
      {cuts.map((at, i) => {
        const from = Math.round(at * fps);
        const to = Math.round((cuts[i + 1] ?? total) * fps);
        const clip = clips.length ? clips[i % clips.length] : undefined;
        return (
          <Sequence key={i} from={from} durationInFrames={Math.max(1, to - from)}>
            {clip ? <Video src={staticFile(clip)} muted loop objectFit="cover" style={{width: '100%', height: '100%'}} /> : <Panel index={i} />}
            {i > 0 ? <CutFlash /> : null}
          </Sequence>
        );
      })}
      {title ? (
        <AbsoluteFill style={{justifyContent: 'flex-end', padding: 80, opacity: titleOpacity}}>
          <h1 style={{color: 'white', fontSize: 96, fontFamily: 'sans-serif', margin: 0, textShadow: '0 4px 24px #000a'}}>{title}</h1>
        </AbsoluteFill>
      ) : null}
      {music ? <Audio src={staticFile(music)} /> : null}
    </AbsoluteFill>
  );
};
`,
  }),
};
