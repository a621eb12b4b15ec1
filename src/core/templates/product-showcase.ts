import { indexFile, q, type ProjectTemplate } from './template-types';

/** A product reveal, three feature cards, and a price call-to-action, joined by slides and wipes. */
export const productShowcaseTemplate: ProjectTemplate = {
  id: 'product-showcase',
  label: 'Product showcase',
  description: 'Product reveal, feature cards and a call to action, with slide and wipe transitions.',
  files: ({ name, width, height, fps }) => ({
    'src/index.ts': indexFile,
    'src/Root.tsx': `import {Composition} from 'remotion';
import {Showcase, showcaseSchema, SHOWCASE_SECONDS} from './Showcase';

export const Root: React.FC = () => {
  return (
    <Composition
      id="Showcase"
      component={Showcase}
      durationInFrames={Math.round(SHOWCASE_SECONDS * ${fps})}
      fps={${fps}}
      width={${width}}
      height={${height}}
      schema={showcaseSchema}
      defaultProps={{
        product: ${q(name)},
        tagline: 'Everything you need, nothing you do not.',
        features: ['Fast', 'Private', 'Works offline'],
        price: '$9 / month',
        cta: 'Try it today',
        background: '#0f172a',
        accent: '#38bdf8',
      }}
    />
  );
};
`,
    'src/Showcase.tsx': `import {AbsoluteFill, useVideoConfig} from 'remotion';
import {TransitionSeries, springTiming} from '@remotion/transitions';
import {slide} from '@remotion/transitions/slide';
import {wipe} from '@remotion/transitions/wipe';
import {z} from 'zod';
import {zColor} from '@remotion/zod-types';
import {Reveal} from './scenes/Reveal';
import {FeatureCard} from './scenes/FeatureCard';
import {CallToAction} from './scenes/CallToAction';

export const showcaseSchema = z.object({
  product: z.string(),
  tagline: z.string(),
  features: z.array(z.string()).min(1).max(3),
  price: z.string(),
  cta: z.string(),
  background: zColor(),
  accent: zColor(),
});

export type ShowcaseProps = z.infer<typeof showcaseSchema>;

const REVEAL = 3;
const FEATURE = 2;
const CTA = 3;
const TRANSITION = 0.5;
export const SHOWCASE_SECONDS = REVEAL + FEATURE * 3 + CTA - TRANSITION * 4;

export const Showcase: React.FC<ShowcaseProps> = (props) => {
  const {fps} = useVideoConfig();
  const s = (seconds: number) => Math.round(seconds * fps);
  const timing = springTiming({config: {damping: 200}, durationInFrames: s(TRANSITION)});
  const features = [0, 1, 2].map((i) => props.features[i] ?? props.features[props.features.length - 1] ?? '');
  return (
    <AbsoluteFill style={{backgroundColor: props.background, fontFamily: 'system-ui, sans-serif'}}>
      <TransitionSeries>
        <TransitionSeries.Sequence durationInFrames={s(REVEAL)}>
          <Reveal product={props.product} tagline={props.tagline} accent={props.accent} />
        </TransitionSeries.Sequence>
        {features.map((feature, i) => [
          <TransitionSeries.Transition key={'t' + i} presentation={slide({direction: 'from-right'})} timing={timing} />,
          <TransitionSeries.Sequence key={'f' + i} durationInFrames={s(FEATURE)}>
            <FeatureCard index={i} text={feature} accent={props.accent} background={props.background} />
          </TransitionSeries.Sequence>,
        ])}
        <TransitionSeries.Transition presentation={wipe({direction: 'from-left'})} timing={timing} />
        <TransitionSeries.Sequence durationInFrames={s(CTA)}>
          <CallToAction price={props.price} cta={props.cta} accent={props.accent} background={props.background} />
        </TransitionSeries.Sequence>
      </TransitionSeries>
    </AbsoluteFill>
  );
};
`,
    'src/scenes/Reveal.tsx': `import {AbsoluteFill, interpolate, spring, useCurrentFrame, useVideoConfig} from 'remotion';
import {Rect} from '@remotion/shapes';

/** The product as a glowing device that springs in, then its name and tagline. */
export const Reveal: React.FC<{product: string; tagline: string; accent: string}> = ({product, tagline, accent}) => {
  const frame = useCurrentFrame();
  const {fps, width, height} = useVideoConfig();
  const unit = Math.min(width, height);
  const pop = spring({frame, fps, config: {damping: 14}});
  const text = interpolate(frame, [20, 40], [0, 1], {extrapolateLeft: 'clamp', extrapolateRight: 'clamp'});
  return (
    <AbsoluteFill style={{justifyContent: 'center', alignItems: 'center', gap: unit * 0.05}}>
      <div style={{transform: 'scale(' + pop + ') rotate(' + (1 - pop) * -12 + 'deg)', filter: 'drop-shadow(0 0 ' + unit * 0.04 + 'px ' + accent + ')'}}>
        <Rect width={unit * 0.28} height={unit * 0.42} cornerRadius={unit * 0.03} fill={accent} />
      </div>
      <div style={{opacity: text, textAlign: 'center', color: 'white'}}>
        <div style={{fontSize: unit * 0.09, fontWeight: 800}}>{product}</div>
        <div style={{fontSize: unit * 0.035, opacity: 0.8, marginTop: unit * 0.01}}>{tagline}</div>
      </div>
    </AbsoluteFill>
  );
};
`,
    'src/scenes/FeatureCard.tsx': `import {AbsoluteFill, spring, useCurrentFrame, useVideoConfig} from 'remotion';
import {Circle} from '@remotion/shapes';

export const FeatureCard: React.FC<{index: number; text: string; accent: string; background: string}> = ({index, text, accent, background}) => {
  const frame = useCurrentFrame();
  const {fps, width, height} = useVideoConfig();
  const unit = Math.min(width, height);
  const grow = spring({frame: frame - 5, fps, config: {damping: 200}});
  return (
    <AbsoluteFill style={{backgroundColor: background, justifyContent: 'center', alignItems: 'center'}}>
      <div style={{display: 'flex', alignItems: 'center', gap: unit * 0.05, padding: unit * 0.06, borderRadius: unit * 0.04, backgroundColor: 'rgba(255,255,255,0.06)', transform: 'scale(' + (0.9 + grow * 0.1) + ')'}}>
        <div style={{position: 'relative', width: unit * 0.16, height: unit * 0.16, display: 'flex', alignItems: 'center', justifyContent: 'center'}}>
          <Circle radius={unit * 0.08} fill={accent} style={{position: 'absolute', opacity: 0.25 + grow * 0.75}} />
          <span style={{position: 'relative', fontSize: unit * 0.07, fontWeight: 800, color: background}}>{index + 1}</span>
        </div>
        <div style={{fontSize: unit * 0.07, fontWeight: 700, color: 'white'}}>{text}</div>
      </div>
    </AbsoluteFill>
  );
};
`,
    'src/scenes/CallToAction.tsx': `import {AbsoluteFill, interpolate, spring, useCurrentFrame, useVideoConfig} from 'remotion';

export const CallToAction: React.FC<{price: string; cta: string; accent: string; background: string}> = ({price, cta, accent, background}) => {
  const frame = useCurrentFrame();
  const {fps, width, height} = useVideoConfig();
  const unit = Math.min(width, height);
  const button = spring({frame: frame - 15, fps, config: {damping: 10}});
  const pulse = 1 + Math.sin(frame / 6) * 0.02 * interpolate(frame, [30, 45], [0, 1], {extrapolateLeft: 'clamp', extrapolateRight: 'clamp'});
  return (
    <AbsoluteFill style={{backgroundColor: background, justifyContent: 'center', alignItems: 'center', gap: unit * 0.05}}>
      <div style={{fontSize: unit * 0.1, fontWeight: 800, color: 'white'}}>{price}</div>
      <div style={{fontSize: unit * 0.05, fontWeight: 700, color: background, backgroundColor: accent, padding: unit * 0.025 + 'px ' + unit * 0.06 + 'px', borderRadius: unit, transform: 'scale(' + button * pulse + ')'}}>
        {cta}
      </div>
    </AbsoluteFill>
  );
};
`,
  }),
};
