import { indexFile, q, type ProjectTemplate } from './template-types';
import { DEFAULT_VIDEO_PLAN, videoPlanSource, VIDEO_PLAN_PATH } from './video-plan';

/**
 * Any number of scenes (heading + line of text) over a palette, for a set length: the plan lives in
 * src/video.ts, so changing colours, texts, length or adding a scene is one edit of data, not code.
 */
export const scenesTemplate: ProjectTemplate = {
  id: 'scenes',
  label: 'Scenes',
  description: 'Titled scenes with a line of text each; the plan (texts, colours, length) lives in src/video.ts.',
  files: ({ name, width, height, fps }) => ({
    'src/index.ts': indexFile,
    [VIDEO_PLAN_PATH]: videoPlanSource({ ...DEFAULT_VIDEO_PLAN, title: name, scenes: [{ ...DEFAULT_VIDEO_PLAN.scenes[0]!, heading: name }, ...DEFAULT_VIDEO_PLAN.scenes.slice(1)] }),
    'src/Root.tsx': `import {Composition} from 'remotion';
import {Main, mainSchema} from './Main';
import {video} from './video';

const FPS = ${q(fps)};

export const Root: React.FC = () => {
  return (
    <Composition
      id="Main"
      component={Main}
      durationInFrames={Math.max(1, Math.round(video.durationSeconds * FPS))}
      fps={FPS}
      width={${q(width)}}
      height={${q(height)}}
      schema={mainSchema}
      defaultProps={video}
    />
  );
};
`,
    'src/Main.tsx': `import {AbsoluteFill, Series, useVideoConfig} from 'remotion';
import {z} from 'zod';
import {zColor} from '@remotion/zod-types';
import {Scene} from './scenes/Scene';

export const mainSchema = z.object({
  title: z.string(),
  durationSeconds: z.number().min(1),
  palette: z.object({background: zColor(), accent: zColor(), text: zColor()}),
  scenes: z.array(z.object({heading: z.string(), text: z.string()})),
});

export type MainProps = z.infer<typeof mainSchema>;

/** The length split evenly between the scenes; the last one takes the remainder so the total is exact. */
const sceneLengths = (total: number, count: number) => {
  const base = Math.max(1, Math.floor(total / count));
  return Array.from({length: count}, (_, i) => (i === count - 1 ? Math.max(1, total - base * (count - 1)) : base));
};

export const Main: React.FC<MainProps> = (props) => {
  const {durationInFrames} = useVideoConfig();
  const scenes = props.scenes.length > 0 ? props.scenes : [{heading: props.title, text: ''}];
  const lengths = sceneLengths(durationInFrames, scenes.length);
  return (
    <AbsoluteFill style={{backgroundColor: props.palette.background}}>
      <Series>
        {scenes.map((scene, i) => (
          <Series.Sequence key={i} durationInFrames={lengths[i]}>
            <Scene heading={scene.heading} text={scene.text} index={i} total={scenes.length} palette={props.palette} />
          </Series.Sequence>
        ))}
      </Series>
    </AbsoluteFill>
  );
};
`,
    'src/scenes/Scene.tsx': `import {AbsoluteFill, interpolate, spring, useCurrentFrame, useVideoConfig} from 'remotion';

type Palette = {background: string; accent: string; text: string};

const clamp = {extrapolateLeft: 'clamp', extrapolateRight: 'clamp'} as const;

/** One scene: the heading rises in, the text follows word by word, the accent shapes drift; fades between scenes. */
export const Scene: React.FC<{heading: string; text: string; index: number; total: number; palette: Palette}> = ({heading, text, index, total, palette}) => {
  const frame = useCurrentFrame();
  const {fps, width, height, durationInFrames} = useVideoConfig();
  const unit = Math.min(width, height);
  const portrait = height > width;
  const rise = index === 0 ? spring({frame: frame + Math.round(fps * 0.5), fps, config: {damping: 200}}) : spring({frame, fps, config: {damping: 200}});
  const fadeFrames = Math.min(Math.round(fps * 0.4), Math.floor(durationInFrames / 3));
  // The first scene starts visible: frame 0 is the preview's poster and the project's thumbnail.
  const fadeIn = index === 0 ? 1 : interpolate(frame, [0, fadeFrames], [0, 1], clamp);
  const fadeOut = interpolate(frame, [durationInFrames - fadeFrames, durationInFrames], [1, 0], clamp);
  const opacity = Math.min(fadeIn, fadeOut);
  const drift = interpolate(frame, [0, durationInFrames], [0, 1], clamp);
  const words = text.split(' ').filter(Boolean);
  const side = index % 2 === 0 ? 1 : -1;
  return (
    <AbsoluteFill style={{opacity, fontFamily: 'system-ui, sans-serif', overflow: 'hidden'}}>
      <div
        style={{
          position: 'absolute',
          width: unit * 0.9,
          height: unit * 0.9,
          borderRadius: '50%',
          backgroundColor: palette.accent,
          opacity: 0.18,
          left: width * (side > 0 ? 0.62 : -0.12) + side * drift * unit * 0.08,
          top: height * 0.18 - drift * unit * 0.1,
          filter: 'blur(' + unit * 0.04 + 'px)',
        }}
      />
      <div
        style={{
          position: 'absolute',
          width: unit * 0.35,
          height: unit * 0.35,
          borderRadius: '50%',
          border: unit * 0.012 + 'px solid ' + palette.accent,
          opacity: 0.35,
          left: width * (side > 0 ? 0.08 : 0.7),
          top: height * 0.68 + drift * unit * 0.05,
        }}
      />
      <AbsoluteFill style={{justifyContent: 'center', padding: portrait ? unit * 0.09 : unit * 0.12}}>
        <div style={{color: palette.accent, fontSize: unit * 0.032, fontWeight: 700, letterSpacing: unit * 0.004, opacity: rise}}>
          {String(index + 1).padStart(2, '0')} / {String(total).padStart(2, '0')}
        </div>
        <h1
          style={{
            color: palette.text,
            fontSize: unit * (heading.length > 28 ? 0.075 : 0.1),
            lineHeight: 1.1,
            margin: unit * 0.02 + 'px 0',
            fontWeight: 800,
            transform: 'translateY(' + (1 - rise) * unit * 0.06 + 'px)',
            opacity: rise,
          }}
        >
          {heading}
        </h1>
        <div style={{height: unit * 0.012, width: unit * 0.22 * rise, backgroundColor: palette.accent, borderRadius: unit * 0.01, marginBottom: unit * 0.035}} />
        <p style={{color: palette.text, fontSize: unit * 0.048, lineHeight: 1.35, margin: 0, maxWidth: portrait ? '100%' : '75%'}}>
          {words.map((word, i) => (
            <span key={i} style={{opacity: interpolate(frame, [fadeFrames + i * 3, fadeFrames + i * 3 + 8], [0, 1], clamp)}}>
              {word + ' '}
            </span>
          ))}
        </p>
      </AbsoluteFill>
    </AbsoluteFill>
  );
};
`,
  }),
};
