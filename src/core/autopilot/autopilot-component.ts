import { AUTOPILOT_COMPOSITION_ID } from './autopilot-composition';

/**
 * The Auto-pilot video's player, written into the project as `src/autopilot/AutoPilotVideo.tsx`.
 * Intro, scenes, outro in a row; captions and the soundtrack start with the first scene. A scene
 * without a picture is a designed card (its on-screen text over the brand's colours), so the
 * video always plays. Brand fonts are project assets, loaded with FontFace inside the sandbox.
 */
export const AUTOPILOT_COMPONENT = `import {useEffect, useState} from 'react';
import {AbsoluteFill, Composition, Img, Sequence, continueRender, delayRender, interpolate, spring, staticFile, useCurrentFrame, useVideoConfig} from 'remotion';
import {Audio, Video} from '@remotion/media';
import type {TikTokPage} from '@remotion/captions';
import {video} from './video';

type Visual = {kind: 'video'; src: string; trimBefore: number} | {kind: 'image'; src: string} | {kind: 'designed'};
interface Scene { id: string; frames: number; title: string; onScreenText: string; visual: Visual }
interface CaptionStyle { fontFamily: string; fontSizePx: number; color: string; outlineColor: string; outlineWidthPx: number; position: 'bottom' | 'middle' | 'top'; highlightColor: string; wordHighlight: boolean }
interface Brand {
  colors: {primary: string; secondary: string; background: string; text: string};
  logo: string | null;
  watermark: {position: 'top-left' | 'top-right' | 'bottom-left' | 'bottom-right'; sizePct: number; opacity: number};
  headingFont: string;
  fonts: {family: string; src: string}[];
  intro: {src: string; frames: number} | null;
  outro: {src: string; frames: number} | null;
}
export interface AutopilotPlan { fps: number; width: number; height: number; scenes: Scene[]; captions: TikTokPage[]; captionStyle: CaptionStyle; soundtrack: string | null; brand: Brand }

/** Holds the render until the brand's font files are registered (a missing font falls back, with a warning). */
const useBrandFonts = (fonts: Brand['fonts']) => {
  const [handle] = useState(() => (fonts.length ? delayRender('Loading brand fonts') : null));
  useEffect(() => {
    if (handle === null) return;
    Promise.all(fonts.map((f) => new FontFace(f.family, 'url(' + staticFile(f.src) + ')').load().then((face) => document.fonts.add(face))))
      .catch((e) => console.warn('A brand font could not be loaded: ' + (e instanceof Error ? e.message : String(e))))
      .finally(() => continueRender(handle));
  }, [handle]);
};

/** A scene with nothing to show: its words over the brand's colours, rising in. */
const DesignedScene: React.FC<{scene: Scene; brand: Brand; index: number}> = ({scene, brand, index}) => {
  const frame = useCurrentFrame();
  const {fps, width} = useVideoConfig();
  const rise = spring({frame, fps, config: {damping: 200}});
  const [from, to] = index % 2 ? [brand.colors.secondary, brand.colors.background] : [brand.colors.primary, brand.colors.background];
  return (
    <AbsoluteFill style={{background: 'linear-gradient(135deg, ' + from + ' 0%, ' + to + ' 75%)', justifyContent: 'center', alignItems: 'center', padding: '10%'}}>
      <div style={{width: width * 0.08, height: 6, background: brand.colors.text, opacity: 0.7, marginBottom: 28, transform: 'scaleX(' + rise + ')'}} />
      <div style={{fontFamily: brand.headingFont, color: brand.colors.text, fontSize: width * 0.055, fontWeight: 700, textAlign: 'center', lineHeight: 1.15, opacity: rise, transform: 'translateY(' + (1 - rise) * 40 + 'px)'}}>
        {scene.onScreenText || scene.title}
      </div>
    </AbsoluteFill>
  );
};

/** On-screen text over footage: a lower third in the brand's primary colour. */
const LowerThird: React.FC<{text: string; brand: Brand}> = ({text, brand}) => {
  const frame = useCurrentFrame();
  const {width} = useVideoConfig();
  const opacity = interpolate(frame, [0, 10], [0, 1], {extrapolateRight: 'clamp'});
  return (
    <AbsoluteFill style={{justifyContent: 'flex-start', alignItems: 'flex-start', padding: '5% 6%'}}>
      <div style={{opacity, background: brand.colors.primary, color: brand.colors.text, fontFamily: brand.headingFont, fontWeight: 700, fontSize: width * 0.028, padding: '0.35em 0.7em', borderRadius: 6}}>{text}</div>
    </AbsoluteFill>
  );
};

const SceneView: React.FC<{scene: Scene; brand: Brand; index: number}> = ({scene, brand, index}) => {
  if (scene.visual.kind === 'designed') return <DesignedScene scene={scene} brand={brand} index={index} />;
  return (
    <AbsoluteFill style={{background: brand.colors.background}}>
      {scene.visual.kind === 'video' ? (
        <Video src={staticFile(scene.visual.src)} trimBefore={scene.visual.trimBefore || undefined} muted objectFit="cover" style={{width: '100%', height: '100%'}} />
      ) : (
        <Img src={staticFile(scene.visual.src)} style={{width: '100%', height: '100%', objectFit: 'cover'}} />
      )}
      {scene.onScreenText ? <LowerThird text={scene.onScreenText} brand={brand} /> : null}
    </AbsoluteFill>
  );
};

/** One cue on screen; the word being spoken in the highlight colour. */
const CaptionPage: React.FC<{page: TikTokPage; style: CaptionStyle}> = ({page, style}) => {
  const frame = useCurrentFrame();
  const {fps, height} = useVideoConfig();
  const nowMs = page.startMs + (frame / fps) * 1000;
  const scale = height / 1080;
  const justify = style.position === 'top' ? 'flex-start' : style.position === 'middle' ? 'center' : 'flex-end';
  return (
    <AbsoluteFill style={{justifyContent: justify, alignItems: 'center', padding: '6% 8%'}}>
      <div data-caption="" style={{fontFamily: style.fontFamily, fontSize: style.fontSizePx * scale, fontWeight: 700, color: style.color, textAlign: 'center', lineHeight: 1.2, whiteSpace: 'pre-wrap', WebkitTextStroke: style.outlineWidthPx ? style.outlineWidthPx * scale + 'px ' + style.outlineColor : undefined, paintOrder: 'stroke fill'}}>
        {page.tokens.map((t, i) => (
          <span key={i} style={{color: style.wordHighlight && nowMs >= t.fromMs && nowMs < t.toMs ? style.highlightColor : style.color}}>{t.text}</span>
        ))}
      </div>
    </AbsoluteFill>
  );
};

const Watermark: React.FC<{brand: Brand}> = ({brand}) => {
  if (!brand.logo) return null;
  const [v, h] = brand.watermark.position.split('-');
  return (
    <AbsoluteFill style={{justifyContent: v === 'top' ? 'flex-start' : 'flex-end', alignItems: h === 'left' ? 'flex-start' : 'flex-end', padding: '3%'}}>
      <Img src={staticFile(brand.logo)} style={{width: brand.watermark.sizePct + '%', opacity: brand.watermark.opacity}} />
    </AbsoluteFill>
  );
};

const msToFrames = (ms: number, fps: number) => Math.round((ms / 1000) * fps);

export const AutoPilotVideo: React.FC<{plan: AutopilotPlan}> = ({plan}) => {
  useBrandFonts(plan.brand.fonts);
  const introFrames = plan.brand.intro?.frames ?? 0;
  const bodyFrames = plan.scenes.reduce((n, s) => n + s.frames, 0);
  let from = introFrames;
  return (
    <AbsoluteFill style={{background: plan.brand.colors.background}}>
      {plan.brand.intro ? (
        <Sequence durationInFrames={introFrames} name="Intro">
          <Video src={staticFile(plan.brand.intro.src)} objectFit="cover" style={{width: '100%', height: '100%'}} />
        </Sequence>
      ) : null}
      {plan.scenes.map((scene, i) => {
        const start = from;
        from += scene.frames;
        return (
          <Sequence key={scene.id} from={start} durationInFrames={scene.frames} name={scene.title}>
            <SceneView scene={scene} brand={plan.brand} index={i} />
          </Sequence>
        );
      })}
      <Sequence from={introFrames} durationInFrames={Math.max(1, bodyFrames)} name="Captions">
        {plan.captions.map((page, i) => (
          <Sequence key={i} from={msToFrames(page.startMs, plan.fps)} durationInFrames={Math.max(1, msToFrames(page.durationMs, plan.fps))}>
            <CaptionPage page={page} style={plan.captionStyle} />
          </Sequence>
        ))}
        <Watermark brand={plan.brand} />
        {plan.soundtrack ? <Audio src={staticFile(plan.soundtrack)} /> : null}
      </Sequence>
      {plan.brand.outro ? (
        <Sequence from={introFrames + bodyFrames} durationInFrames={plan.brand.outro.frames} name="Outro">
          <Video src={staticFile(plan.brand.outro.src)} objectFit="cover" style={{width: '100%', height: '100%'}} />
        </Sequence>
      ) : null}
    </AbsoluteFill>
  );
};

const durationOf = (plan: AutopilotPlan) => Math.max(1, (plan.brand.intro?.frames ?? 0) + plan.scenes.reduce((n, s) => n + s.frames, 0) + (plan.brand.outro?.frames ?? 0));

/** Registers the Auto-pilot video beside the project's other compositions. */
export const AutoPilotComposition: React.FC = () => (
  <Composition id="${AUTOPILOT_COMPOSITION_ID}" component={AutoPilotVideo} durationInFrames={durationOf(video)} fps={video.fps} width={video.width} height={video.height} defaultProps={{plan: video}} />
);
`;
