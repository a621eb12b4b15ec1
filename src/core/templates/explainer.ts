import { indexFile, q, type ProjectTemplate } from './template-types';

/** An intro, numbered steps with a progress bar, and a summary; steps come from props. */
export const explainerTemplate: ProjectTemplate = {
  id: 'explainer',
  label: 'Explainer',
  description: 'Intro, numbered steps with icons and a progress bar, and a summary.',
  files: ({ name, width, height, fps }) => ({
    'src/index.ts': indexFile,
    'src/Root.tsx': `import {Composition} from 'remotion';
import {Explainer, explainerSchema, explainerDuration} from './Explainer';

const defaultProps = {
  title: ${q(name)},
  steps: [
    {heading: 'Describe it', body: 'Say what the video should show.', icon: 'star' as const},
    {heading: 'Shape it', body: 'Edit scenes, colours and timing.', icon: 'triangle' as const},
    {heading: 'Share it', body: 'Export and send it anywhere.', icon: 'circle' as const},
  ],
  summary: 'Three steps. One video.',
  background: '#111827',
  accent: '#a78bfa',
};

export const Root: React.FC = () => {
  return (
    <Composition
      id="Explainer"
      component={Explainer}
      durationInFrames={explainerDuration(defaultProps.steps.length, ${fps})}
      fps={${fps}}
      width={${width}}
      height={${height}}
      schema={explainerSchema}
      defaultProps={defaultProps}
      calculateMetadata={({props}) => ({durationInFrames: explainerDuration(props.steps.length, ${fps})})}
    />
  );
};
`,
    'src/Explainer.tsx': `import {AbsoluteFill, Series, useVideoConfig} from 'remotion';
import {z} from 'zod';
import {zColor} from '@remotion/zod-types';
import {Intro} from './scenes/Intro';
import {Step} from './scenes/Step';
import {Summary} from './scenes/Summary';
import {ProgressBar} from './components/ProgressBar';

export const explainerSchema = z.object({
  title: z.string(),
  steps: z.array(z.object({heading: z.string(), body: z.string(), icon: z.enum(['star', 'triangle', 'circle'])})).min(1).max(6),
  summary: z.string(),
  background: zColor(),
  accent: zColor(),
});

export type ExplainerProps = z.infer<typeof explainerSchema>;

export const INTRO_SECONDS = 2;
export const STEP_SECONDS = 3;
export const SUMMARY_SECONDS = 2.5;

export const explainerDuration = (steps: number, fps: number) => Math.round((INTRO_SECONDS + steps * STEP_SECONDS + SUMMARY_SECONDS) * fps);

export const Explainer: React.FC<ExplainerProps> = (props) => {
  const {fps} = useVideoConfig();
  const s = (seconds: number) => Math.round(seconds * fps);
  return (
    <AbsoluteFill style={{backgroundColor: props.background, fontFamily: 'system-ui, sans-serif', color: 'white'}}>
      <Series>
        <Series.Sequence durationInFrames={s(INTRO_SECONDS)}>
          <Intro title={props.title} accent={props.accent} />
        </Series.Sequence>
        {props.steps.map((step, i) => (
          <Series.Sequence key={i} durationInFrames={s(STEP_SECONDS)}>
            <Step index={i} total={props.steps.length} {...step} accent={props.accent} />
          </Series.Sequence>
        ))}
        <Series.Sequence durationInFrames={s(SUMMARY_SECONDS)}>
          <Summary text={props.summary} accent={props.accent} />
        </Series.Sequence>
      </Series>
      <ProgressBar accent={props.accent} />
    </AbsoluteFill>
  );
};
`,
    'src/scenes/Intro.tsx': `import {AbsoluteFill, interpolate, useCurrentFrame, useVideoConfig} from 'remotion';

export const Intro: React.FC<{title: string; accent: string}> = ({title, accent}) => {
  const frame = useCurrentFrame();
  const {width, height} = useVideoConfig();
  const unit = Math.min(width, height);
  const letters = title.split('');
  return (
    <AbsoluteFill style={{justifyContent: 'center', alignItems: 'center'}}>
      <h1 style={{fontSize: unit * 0.1, margin: 0, letterSpacing: 2}}>
        {letters.map((letter, i) => (
          <span key={i} style={{opacity: interpolate(frame, [i * 2, i * 2 + 8], [0, 1], {extrapolateLeft: 'clamp', extrapolateRight: 'clamp'}), color: i === 0 ? accent : 'white'}}>
            {letter}
          </span>
        ))}
      </h1>
    </AbsoluteFill>
  );
};
`,
    'src/scenes/Step.tsx': `import {AbsoluteFill, interpolate, spring, useCurrentFrame, useVideoConfig} from 'remotion';
import {Circle, Star, Triangle} from '@remotion/shapes';

export const Step: React.FC<{index: number; total: number; heading: string; body: string; icon: 'star' | 'triangle' | 'circle'; accent: string}> = (props) => {
  const frame = useCurrentFrame();
  const {fps, width, height} = useVideoConfig();
  const unit = Math.min(width, height);
  const enter = spring({frame, fps, config: {damping: 200}});
  const spin = interpolate(frame, [0, 3 * fps], [0, 90]);
  const size = unit * 0.12;
  const icon =
    props.icon === 'star' ? <Star points={5} innerRadius={size * 0.45} outerRadius={size} fill={props.accent} /> :
    props.icon === 'triangle' ? <Triangle length={size * 1.8} direction="up" fill={props.accent} /> :
    <Circle radius={size} fill={props.accent} />;
  return (
    <AbsoluteFill style={{justifyContent: 'center', alignItems: 'center', flexDirection: width > height ? 'row' : 'column', gap: unit * 0.08, padding: unit * 0.08}}>
      <div style={{transform: 'rotate(' + spin + 'deg) scale(' + enter + ')'}}>{icon}</div>
      <div style={{opacity: enter, transform: 'translateX(' + (1 - enter) * 80 + 'px)', maxWidth: width * 0.5}}>
        <div style={{fontSize: unit * 0.035, color: props.accent, fontWeight: 700}}>STEP {props.index + 1} OF {props.total}</div>
        <div style={{fontSize: unit * 0.08, fontWeight: 800}}>{props.heading}</div>
        <div style={{fontSize: unit * 0.04, opacity: 0.8}}>{props.body}</div>
      </div>
    </AbsoluteFill>
  );
};
`,
    'src/scenes/Summary.tsx': `import {AbsoluteFill, spring, useCurrentFrame, useVideoConfig} from 'remotion';

export const Summary: React.FC<{text: string; accent: string}> = ({text, accent}) => {
  const frame = useCurrentFrame();
  const {fps, width, height} = useVideoConfig();
  const unit = Math.min(width, height);
  const pop = spring({frame, fps, config: {damping: 12}});
  return (
    <AbsoluteFill style={{justifyContent: 'center', alignItems: 'center'}}>
      <div style={{fontSize: unit * 0.08, fontWeight: 800, transform: 'scale(' + pop + ')', borderBottom: unit * 0.01 + 'px solid ' + accent, paddingBottom: unit * 0.02}}>{text}</div>
    </AbsoluteFill>
  );
};
`,
    'src/components/ProgressBar.tsx': `import {useCurrentFrame, useVideoConfig} from 'remotion';

/** A thin bar along the bottom that fills over the whole video. */
export const ProgressBar: React.FC<{accent: string}> = ({accent}) => {
  const frame = useCurrentFrame();
  const {durationInFrames, height} = useVideoConfig();
  return (
    <div style={{position: 'absolute', left: 0, bottom: 0, height: Math.max(4, height * 0.008), width: (frame / (durationInFrames - 1)) * 100 + '%', backgroundColor: accent}} />
  );
};
`,
  }),
};
