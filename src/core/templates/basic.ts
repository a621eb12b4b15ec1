import { indexFile, q, type ProjectTemplate } from './template-types';

/** A title card, a message and an outro, joined by fades. Colours and texts are props. */
export const basicTemplate: ProjectTemplate = {
  id: 'basic',
  label: 'Basic',
  description: 'Title, message and outro with fades; colours and texts editable as props.',
  files: ({ name, width, height, fps }) => ({
    'src/index.ts': indexFile,
    'src/Root.tsx': `import {Composition} from 'remotion';
import {Main, mainSchema, mainDuration} from './Main';

export const Root: React.FC = () => {
  return (
    <Composition
      id="Main"
      component={Main}
      durationInFrames={mainDuration(${fps})}
      fps={${fps}}
      width={${width}}
      height={${height}}
      schema={mainSchema}
      defaultProps={{
        title: ${q(name)},
        message: 'Made with Director',
        background: '#14161b',
        accent: '#f5b94a',
      }}
    />
  );
};
`,
    'src/Main.tsx': `import {AbsoluteFill, useVideoConfig} from 'remotion';
import {TransitionSeries, linearTiming} from '@remotion/transitions';
import {fade} from '@remotion/transitions/fade';
import {z} from 'zod';
import {zColor} from '@remotion/zod-types';
import {TitleScene} from './scenes/TitleScene';
import {MessageScene} from './scenes/MessageScene';
import {OutroScene} from './scenes/OutroScene';

export const mainSchema = z.object({
  title: z.string(),
  message: z.string(),
  background: zColor(),
  accent: zColor(),
});

export type MainProps = z.infer<typeof mainSchema>;

const SCENE_SECONDS = [2.5, 2.5, 2];
const FADE_SECONDS = 0.5;

/** Total length: the scenes minus the overlap of each fade. */
export const mainDuration = (fps: number) =>
  Math.round(SCENE_SECONDS.reduce((a, b) => a + b, 0) * fps - (SCENE_SECONDS.length - 1) * FADE_SECONDS * fps);

export const Main: React.FC<MainProps> = (props) => {
  const {fps} = useVideoConfig();
  const fade_ = Math.round(FADE_SECONDS * fps);
  return (
    <AbsoluteFill style={{backgroundColor: props.background}}>
      <TransitionSeries>
        <TransitionSeries.Sequence durationInFrames={Math.round(SCENE_SECONDS[0] * fps)}>
          <TitleScene title={props.title} accent={props.accent} />
        </TransitionSeries.Sequence>
        <TransitionSeries.Transition presentation={fade()} timing={linearTiming({durationInFrames: fade_})} />
        <TransitionSeries.Sequence durationInFrames={Math.round(SCENE_SECONDS[1] * fps)}>
          <MessageScene message={props.message} accent={props.accent} />
        </TransitionSeries.Sequence>
        <TransitionSeries.Transition presentation={fade()} timing={linearTiming({durationInFrames: fade_})} />
        <TransitionSeries.Sequence durationInFrames={Math.round(SCENE_SECONDS[2] * fps)}>
          <OutroScene accent={props.accent} />
        </TransitionSeries.Sequence>
      </TransitionSeries>
    </AbsoluteFill>
  );
};
`,
    'src/scenes/TitleScene.tsx': `import {AbsoluteFill, interpolate, spring, useCurrentFrame, useVideoConfig} from 'remotion';

export const TitleScene: React.FC<{title: string; accent: string}> = ({title, accent}) => {
  const frame = useCurrentFrame();
  const {fps, width} = useVideoConfig();
  const rise = spring({frame, fps, config: {damping: 200}});
  const underline = interpolate(frame, [10, 40], [0, 1], {extrapolateLeft: 'clamp', extrapolateRight: 'clamp'});
  return (
    <AbsoluteFill style={{justifyContent: 'center', alignItems: 'center', fontFamily: 'system-ui, sans-serif'}}>
      <h1
        style={{
          color: 'white',
          fontSize: width * 0.07,
          margin: 0,
          transform: 'translateY(' + (1 - rise) * 60 + 'px)',
          opacity: rise,
        }}
      >
        {title}
      </h1>
      <div style={{height: 8, width: width * 0.3 * underline, backgroundColor: accent, borderRadius: 4, marginTop: 24}} />
    </AbsoluteFill>
  );
};
`,
    'src/scenes/MessageScene.tsx': `import {AbsoluteFill, interpolate, useCurrentFrame, useVideoConfig} from 'remotion';

export const MessageScene: React.FC<{message: string; accent: string}> = ({message, accent}) => {
  const frame = useCurrentFrame();
  const {width} = useVideoConfig();
  const words = message.split(' ');
  return (
    <AbsoluteFill style={{justifyContent: 'center', alignItems: 'center', fontFamily: 'system-ui, sans-serif'}}>
      <p style={{fontSize: width * 0.045, color: 'white', margin: 0, maxWidth: '80%', textAlign: 'center'}}>
        {words.map((word, i) => (
          <span key={i} style={{opacity: interpolate(frame, [i * 5, i * 5 + 10], [0, 1], {extrapolateLeft: 'clamp', extrapolateRight: 'clamp'}), color: i === words.length - 1 ? accent : 'white'}}>
            {word + ' '}
          </span>
        ))}
      </p>
    </AbsoluteFill>
  );
};
`,
    'src/scenes/OutroScene.tsx': `import {AbsoluteFill, spring, useCurrentFrame, useVideoConfig} from 'remotion';

export const OutroScene: React.FC<{accent: string}> = ({accent}) => {
  const frame = useCurrentFrame();
  const {fps, width} = useVideoConfig();
  const scale = spring({frame, fps, config: {damping: 12}});
  return (
    <AbsoluteFill style={{justifyContent: 'center', alignItems: 'center'}}>
      <div style={{width: width * 0.12, height: width * 0.12, borderRadius: '50%', backgroundColor: accent, transform: 'scale(' + scale + ')'}} />
    </AbsoluteFill>
  );
};
`,
  }),
};
