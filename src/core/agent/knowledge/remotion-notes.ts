import { TRANSITIONS, VENDORED_PACKAGES } from '../../bundler/vendored-packages';
import type { KnowledgeNote } from './knowledge-note';

/** Remotion API practice: how the building blocks are used correctly. */
export const REMOTION_NOTES: readonly KnowledgeNote[] = [
  {
    id: 'use-current-frame',
    title: 'useCurrentFrame drives every animation',
    tags: ['animation', 'frame', 'hook', 'useCurrentFrame', 'useVideoConfig'],
    body: 'All motion is a pure function of the frame: `const frame = useCurrentFrame(); const {fps, width, height, durationInFrames} = useVideoConfig();`. Inside a <Sequence> the frame restarts at 0 where the sequence starts. Never animate with CSS transitions, CSS @keyframes, setTimeout, requestAnimationFrame or state updated in useEffect: rendering seeks frames out of order, so only frame-derived values are correct.',
  },
  {
    id: 'interpolate',
    title: 'interpolate maps frames to values',
    tags: ['interpolate', 'animation', 'clamp', 'extrapolate', 'opacity', 'fade', 'easing'],
    body: "`interpolate(frame, [0, 20], [0, 1], {extrapolateLeft: 'clamp', extrapolateRight: 'clamp', easing: Easing.out(Easing.cubic)})`. The input range must be strictly increasing and the same length as the output range (otherwise it throws). Without clamping the value keeps going past the range (opacity above 1, positions flying off). Output values must be numbers; for colours use interpolateColors.",
  },
  {
    id: 'spring',
    title: 'spring for natural motion',
    tags: ['spring', 'animation', 'bounce', 'scale', 'entrance', 'physics'],
    body: "`const s = spring({frame, fps, config: {damping: 200}});` goes 0→1 with physics; damping 200 means no overshoot, damping ~10-12 gives a bounce; `delay` (frames) starts it later; `durationInFrames` stretches it to a fixed length; `from`/`to` change the range. Use it for scale and position: `transform: `scale(${s})``, or map it: `interpolate(s, [0, 1], [80, 0])` for a slide-in. spring needs fps from useVideoConfig().",
  },
  {
    id: 'easing',
    title: 'Easing curves',
    tags: ['easing', 'bezier', 'ease', 'interpolate', 'motion'],
    body: 'Import Easing from "remotion": `Easing.out(Easing.cubic)` for entrances (fast then settle), `Easing.in(Easing.cubic)` for exits, `Easing.inOut(Easing.ease)` for moves between two places, `Easing.bezier(0.16, 1, 0.3, 1)` for a smooth expo-out. Pass it as the `easing` option of interpolate. Linear motion looks mechanical; prefer eased motion for anything that moves.',
  },
  {
    id: 'sequence',
    title: 'Sequence places content in time',
    tags: ['sequence', 'timeline', 'from', 'durationInFrames', 'layout', 'premount'],
    body: '`<Sequence from={30} durationInFrames={60}>` shows its children from frame 30 to 89; inside, useCurrentFrame() starts at 0. It renders an AbsoluteFill; pass `layout="none"` to keep normal layout (e.g. inline text). Sequences can overlap and nest (offsets add up). `premountFor={fps}` mounts it a second early so images and fonts are loaded when it appears.',
  },
  {
    id: 'series',
    title: 'Series plays scenes one after another',
    tags: ['series', 'scene', 'sequence', 'order', 'offset', 'cut'],
    body: '`<Series><Series.Sequence durationInFrames={90}><Intro /></Series.Sequence><Series.Sequence durationInFrames={120}><Features /></Series.Sequence></Series>` — each starts when the previous ends, no frame maths. `offset={-10}` overlaps a scene with the previous one by 10 frames (positive offset leaves a gap). Every Series.Sequence needs a positive integer durationInFrames (only the last may use Infinity to run to the end). The composition duration should equal the sum of the scene durations.',
  },
  {
    id: 'transition-series',
    title: 'TransitionSeries for transitions between scenes',
    tags: ['transition', 'TransitionSeries', 'fade', 'slide', 'wipe', 'scene', 'linearTiming', 'springTiming'],
    body: `\`import {TransitionSeries, linearTiming, springTiming} from '@remotion/transitions'; import {fade} from '@remotion/transitions/fade';\` then \`<TransitionSeries.Sequence durationInFrames={90}>…</TransitionSeries.Sequence><TransitionSeries.Transition presentation={fade()} timing={linearTiming({durationInFrames: 15})} /><TransitionSeries.Sequence …>\`. A transition overlaps the two scenes, so the total is the sum of the scenes minus the transition lengths. A transition must sit between two sequences and be shorter than both. Presentations available here: ${TRANSITIONS.join(', ')} (each from '@remotion/transitions/<name>'; slide({direction: 'from-left'}), wipe({direction: 'from-top'})...).`,
  },
  {
    id: 'absolute-fill',
    title: 'AbsoluteFill and layering',
    tags: ['AbsoluteFill', 'layout', 'layer', 'overlay', 'background', 'zindex'],
    body: '<AbsoluteFill> is a full-size absolutely positioned flex column (display flex, flexDirection column). Stack layers by order: later siblings paint on top (background first, overlays last). Center with `style={{justifyContent: "center", alignItems: "center"}}`. Give the root an explicit backgroundColor; a transparent root renders black in MP4.',
  },
  {
    id: 'composition',
    title: 'Composition registers a video',
    tags: ['Composition', 'Root', 'registerRoot', 'id', 'fps', 'width', 'height', 'durationInFrames', 'Still'],
    body: "src/index.ts calls `registerRoot(Root)`; Root returns <Composition id=\"Promo\" component={Promo} durationInFrames={600} fps={30} width={1920} height={1080} defaultProps={{...}} />. The id may only contain a-z, A-Z, 0-9 and '-'. durationInFrames must be a positive integer (Math.round seconds*fps). Several compositions can live in one Root (wrap in <>…</>). <Still> is a one-frame composition for thumbnails and posters.",
  },
  {
    id: 'props-zod-schema',
    title: 'Composition props with a zod schema',
    tags: ['props', 'schema', 'zod', 'defaultProps', 'zColor', 'editable', 'input'],
    body: "Define `export const promoSchema = z.object({title: z.string(), accent: zColor(), scenes: z.array(z.object({...}))})` (zColor from '@remotion/zod-types') and pass `schema={promoSchema}` with defaultProps that satisfy it; type the component with `React.FC<z.infer<typeof promoSchema>>`. The props editor then lets the person change texts and colours without code. Props must be JSON-serialisable (no functions, Dates or class instances).",
  },
  {
    id: 'calculate-metadata',
    title: 'calculateMetadata for duration from props',
    tags: ['calculateMetadata', 'duration', 'dynamic', 'props', 'Composition'],
    body: 'When the length depends on props (number of scenes, audio length), pass `calculateMetadata={({props}) => ({durationInFrames: props.scenes.length * 90})}` to <Composition>. It may be async (fetch data, read a duration) and can also return width, height, fps and transformed props. Keep durationInFrames on the Composition as the fallback.',
  },
  {
    id: 'static-file-assets',
    title: 'staticFile and project assets',
    tags: ['staticFile', 'asset', 'image', 'Img', 'audio', 'video', 'public', 'svg'],
    body: "Project assets (uploaded or generated) are reached by name: `<Img src={staticFile('logo.svg')} />`, `<Audio src={staticFile('music.mp3')} />`. Use <Img> from 'remotion' rather than <img>: it waits for the image to load before the frame is captured. Only names that exist in the project's assets resolve (map_project lists them); never use remote URLs, the project must work offline.",
  },
  {
    id: 'audio',
    title: 'Audio: music, volume and trimming',
    tags: ['audio', 'music', 'volume', 'fade', 'trim', 'sound', 'Audio'],
    body: "`<Audio src={staticFile('music.mp3')} volume={(f) => interpolate(f, [0, 30, durationInFrames - 30, durationInFrames], [0, 1, 1, 0], {extrapolateLeft: 'clamp', extrapolateRight: 'clamp'})} />`. The volume callback receives the frame relative to the Audio's own start. Trim the start with trimBefore={frames} (older releases called it startFrom). Wrap it in a <Sequence from={…}> to start the music later. Audio plays over whatever sequences are on screen.",
  },
  {
    id: 'video-offthread',
    title: 'Video clips',
    tags: ['video', 'clip', 'OffthreadVideo', 'Video', 'muted', 'loop'],
    body: "Embed clips with `<Video src={staticFile('clip.mp4')} muted />` from '@remotion/media' (or OffthreadVideo/Video from 'remotion'). Use `objectFit: 'cover'` in style to fill the frame. Trim with trimBefore/trimAfter in frames; `loop` repeats a short clip. Prefer muted clips under music; keep clips short, they are decoded in the browser.",
  },
  {
    id: 'fonts-offline',
    title: 'Fonts that work offline',
    tags: ['font', 'fonts', 'typography', 'google-fonts', 'loadFont', 'offline', 'FontFace'],
    body: "`import {loadFont} from '@remotion/google-fonts/Inter'; const {fontFamily} = loadFont();` then `style={{fontFamily}}`. In Director any family works as '@remotion/google-fonts/<NameWithoutSpaces>' (e.g. PlayfairDisplay); it is fetched when online and falls back to a local font offline, so text must still look right in system-ui. For a font that must be exact offline, use an uploaded .woff2 asset: `new FontFace('Brand', `url(${staticFile('brand.woff2')})`).load()`, then add the loaded face to the page's FontFaceSet (`fonts.add(face)`), guarded by delayRender/continueRender.",
  },
  {
    id: 'delay-render',
    title: 'delayRender for async work',
    tags: ['delayRender', 'continueRender', 'async', 'fetch', 'load', 'font', 'data'],
    body: "When a component needs something asynchronous before it can be drawn (a font, JSON, measuring), call `const [handle] = useState(() => delayRender('loading font'))` and `continueRender(handle)` when done (also on error, after logging, or use cancelRender(err)). Frames wait for every open handle; a handle never continued times out after 30 s and fails the render. Prefer calculateMetadata for data that decides props.",
  },
  {
    id: 'determinism-random',
    title: 'Deterministic randomness',
    tags: ['random', 'deterministic', 'Math.random', 'noise', 'particles', 'seed'],
    body: "Never use Math.random(), Date.now() or new Date() for visuals: every frame may be rendered in another order or another tab, so results must depend only on the frame and props. Use `random('seed-' + i)` from 'remotion' (a number 0..1 that is the same every time for the same seed) for particle positions, and noise2D('seed', x, y) from '@remotion/noise' for smooth organic wobble.",
  },
  {
    id: 'interpolate-colors',
    title: 'Animating colours',
    tags: ['color', 'colour', 'interpolateColors', 'palette', 'gradient', 'background'],
    body: "`interpolateColors(frame, [0, 60], ['#0f172a', '#f97316'])` from 'remotion' returns an rgba() string and holds the end colours outside the input range. For gradients build the CSS string from animated numbers: `linear-gradient(${angle}deg, ${a}, ${b})`. Keep palette colours in one place (defaultProps or src/theme.ts) so a style change is one edit.",
  },
  {
    id: 'shapes-paths',
    title: 'Shapes and path drawing',
    tags: ['shapes', 'paths', 'svg', 'evolvePath', 'line', 'draw', 'circle', 'star', 'icon'],
    body: "@remotion/shapes has <Circle radius/>, <Rect width height/>, <Triangle length direction/>, <Star points innerRadius outerRadius/>, <Pie progress radius/>, <Polygon points radius/>, <Ellipse/> (and makeCircle()… returning a path). To draw a line on: `const {strokeDasharray, strokeDashoffset} = evolvePath(progress, path)` from '@remotion/paths' on an SVG <path>. Animate SVG attributes directly from the frame; inline SVG scales crisply at any resolution.",
  },
  {
    id: 'text-fitting',
    title: 'Fitting text',
    tags: ['text', 'typography', 'fitText', 'measureText', 'layout-utils', 'overflow', 'title'],
    body: "Long titles overflow at fixed sizes. `fitText({text, withinWidth: width * 0.8, fontFamily, fontWeight: 800})` from '@remotion/layout-utils' returns {fontSize} that fits one line; `measureText` gives width/height. Size text relative to the frame (`const unit = Math.min(width, height)`; title ≈ unit*0.09, body ≈ unit*0.04) so it works in landscape, portrait and square.",
  },
  {
    id: 'captions',
    title: 'Captions and subtitles',
    tags: ['captions', 'subtitles', 'words', 'karaoke', 'tiktok', 'srt'],
    body: "@remotion/captions: a Caption is {text, startMs, endMs, timestampMs, confidence}. `createTikTokStyleCaptions({captions, combineTokensWithinMilliseconds: 1200})` groups words into pages; show each page in a <Sequence from={ms→frames}> and highlight the active word by comparing the frame's time to token fromMs/toMs. `parseSrt` reads .srt text. Convert ms to frames with Math.round(ms / 1000 * fps).",
  },
  {
    id: 'loops-and-cycles',
    title: 'Loops and repeating motion',
    tags: ['loop', 'cycle', 'repeat', 'pulse', 'rotate', 'sin', 'Loop'],
    body: "For continuous motion derive it from the frame: rotation `frame * 2` degrees, pulse `1 + 0.05 * Math.sin((frame / fps) * Math.PI * 2 * hz)`, cycle `frame % period`. <Loop durationInFrames={30}> from 'remotion' repeats its children's timeline. Sync pulses to music with the beat frames instead of a fixed period.",
  },
  {
    id: 'vendored-packages',
    title: 'Packages available in Director',
    tags: ['package', 'import', 'dependency', 'npm', 'install', 'library', 'gsap', 'framer-motion', 'three'],
    body: `Projects run offline in the browser with a fixed set of packages: ${VENDORED_PACKAGES.join(', ')}. Nothing else can be installed (no gsap, framer-motion, three, lodash, tailwind): write the helper yourself or use Remotion's interpolate/spring. Import exactly these specifiers; relative imports between project files work as in any TypeScript project.`,
  },
  {
    id: 'project-structure',
    title: 'Project structure conventions',
    tags: ['structure', 'files', 'folders', 'scene', 'component', 'Root', 'theme', 'organise'],
    body: 'src/index.ts registers Root; src/Root.tsx declares compositions; the main composition file (e.g. src/Promo.tsx) arranges scenes with Series or TransitionSeries; one file per scene in src/scenes/, reusable parts in src/components/, overlays (logo bug, captions, progress bar) in src/overlays/, colours/fonts/timings in src/theme.ts. Keep scene durations as named constants in one place so timing changes are one edit.',
  },
  {
    id: 'web-render-css',
    title: 'CSS the in-browser export cannot draw',
    tags: ['css', 'export', 'render', 'blend', 'backdrop-filter', 'perspective', 'web-renderer'],
    body: 'The in-browser exporter repaints the DOM onto a canvas and does not support mix-blend-mode, backdrop-filter, object-position other than centre, CSS perspective and border-image. Use opacity, transforms (2D), gradients, box-shadow, filter: blur() and SVG instead; otherwise the preview and the exported file differ (a server render is then needed).',
  },
];
