import type { KnowledgeNote } from './knowledge-note';

/** Motion-design and workflow practice: timing, pacing, colour, type, and the mistakes we see. */
export const MOTION_NOTES: readonly KnowledgeNote[] = [
  {
    id: 'timing-to-beats',
    title: 'Timing cuts and accents to the music',
    tags: ['beat', 'beats', 'music', 'sync', 'tempo', 'bpm', 'cut', 'rhythm', 'audio_spectrum_analysis'],
    body: 'Run audio_spectrum_analysis on the track: it returns beat and downbeat frames at the project fps. Cut scenes on downbeats (bar starts) and time accents (a title pop, a flash, a scale pulse) on beats. Put the frames in a constant (`const CUTS = [0, 96, 192]`) and derive each scene length from consecutive cuts so Series timing matches the music exactly. At 120 bpm and 30 fps a beat is 15 frames and a 4/4 bar is 60.',
  },
  {
    id: 'beat-pulse',
    title: 'A pulse on every beat',
    tags: ['beat', 'pulse', 'scale', 'flash', 'music', 'sync', 'energy'],
    body: 'For a beat-synced pulse, find the last beat at or before the frame and decay from it: `const last = beats.filter((b) => b <= frame).pop() ?? -100; const pulse = 1 + 0.08 * Math.exp(-(frame - last) / 4);`. Scale a logo or background by it. Use the energy curve to make loud sections move more and quiet sections calmer.',
  },
  {
    id: 'pacing',
    title: 'Pacing and scene length',
    tags: ['pacing', 'duration', 'scene', 'length', 'promo', 'launch', 'explainer', 'seconds'],
    body: 'Promo and launch videos: 2–4 s per scene, 15–30 s total, one idea per scene. Explainers: 4–6 s per step so the text can be read (about 3 words per second on screen). Hold the last frame (logo, call to action) at least 1.5–2 s. Upbeat mood → shorter scenes and cuts on beats; calm → longer scenes and slow eases.',
  },
  {
    id: 'entrances-exits',
    title: 'Entrances, exits and stagger',
    tags: ['entrance', 'exit', 'stagger', 'animation', 'text', 'reveal', 'delay', 'fade'],
    body: 'Entrances take 12–20 frames at 30 fps with an ease-out or spring; exits are faster (8–12 frames, ease-in). Stagger items 3–6 frames apart: `spring({frame: frame - i * 4, fps, config: {damping: 200}})`. Combine opacity with a 20–60 px translate or a 0.9→1 scale; movement alone on large text feels jumpy. Leave elements still for a moment after they arrive.',
  },
  {
    id: 'palette',
    title: 'Choosing and applying a palette',
    tags: ['palette', 'color', 'colour', 'mood', 'warm', 'cool', 'contrast', 'brand', 'style'],
    body: 'Use 60-30-10: a dominant background, a secondary surface colour, and one accent for what must be seen (titles, call to action). Warm moods: ambers, terracotta, cream (#f59e0b, #c2410c, #fff7ed); calm/tech: deep blues and teal; playful: saturated complementary pairs. Record the choice with set_project_style and apply it from one place in code. Text needs contrast ≥ 4.5:1 against its background.',
  },
  {
    id: 'typography',
    title: 'Typography for video',
    tags: ['typography', 'font', 'text', 'title', 'readability', 'weight', 'size'],
    body: 'At most two families (one display, one text). Titles bold (700–900) and short (≤ 6 words); body text ≥ 4% of the frame height. Avoid thin weights and long lines on video; keep 10% safe margins from every edge (platform UI covers the edges in portrait). Letter-spacing slightly wider for all-caps labels.',
  },
  {
    id: 'responsive-layout',
    title: 'Layouts that work in every aspect ratio',
    tags: ['layout', 'responsive', 'portrait', 'landscape', 'square', 'aspect', 'width', 'height'],
    body: 'Read width/height from useVideoConfig() and size everything from `unit = Math.min(width, height)`; switch flexDirection to column when height > width. Never hard-code 1920/1080 in components: the same project is exported as 16:9, 9:16 and 1:1.',
  },
  {
    id: 'self-check-workflow',
    title: 'Working loop: edit, build, preview, look',
    tags: ['workflow', 'build', 'check', 'preview', 'error', 'fix', 'verify', 'inspection'],
    body: 'After edits run run_build_check and fix every error (they are file:line:col). Then run_preview to catch runtime errors at a few frames. For visual goals (readability, overlap, colours) use visual_frame_inspection on a frame in the middle of the scene in question. Read a file again after any failed atomic_edit: line numbers and hashes change with every edit.',
  },
  {
    id: 'atomic-edit-practice',
    title: 'Editing files safely',
    tags: ['edit', 'atomic_edit', 'atomic_multi_edit', 'hash', 'lines', 'read_file', 'conflict', 'file_changed'],
    body: 'read_file shows numbered lines and the hash; atomic_edit replaces inclusive line ranges numbered as read and refuses with file_changed if the file moved on (read again, then redo). Several edits in one call are numbered against the same original text. Prefer a few targeted edits over rewriting a file; create new components with create_component and new non-component files with atomic_edit expectedHash "new". A change across files (rename a prop and every use) is one atomic_multi_edit: all files are written or none.',
  },
  {
    id: 'mistake-hooks',
    title: 'Common mistake: hooks and frame scope',
    tags: ['mistake', 'hooks', 'useCurrentFrame', 'sequence', 'error', 'rules'],
    body: 'Hooks (useCurrentFrame, useVideoConfig) only inside components, never in loops, conditions or plain functions; pass `frame` down as a value if a helper needs it. A component reading useCurrentFrame inside a <Sequence from={60}> sees 0 at frame 60 — do not subtract the offset again. Give list items a stable key.',
  },
  {
    id: 'mistake-runtime',
    title: 'Common runtime errors and their fixes',
    tags: ['error', 'runtime', 'undefined', 'crash', 'fix', 'interpolate', 'NaN', 'mistake'],
    body: '"inputRange must be strictly monotonically increasing": two equal or decreasing numbers in interpolate (often a zero-length scene). "Cannot read properties of undefined": a prop missing from defaultProps or an array index past the end. NaN in styles: dividing by durationInFrames - 1 when it is 1, or a missing fps. "durationInFrames must be positive integer": round the seconds×fps. An element never visible: it is inside a Sequence that ended, or opacity not clamped.',
  },
  {
    id: 'mistake-build',
    title: 'Common build errors and their fixes',
    tags: ['error', 'build', 'import', 'export', 'typescript', 'syntax', 'mistake', 'type'],
    body: 'Cannot find "./X": the path or the file name case is wrong (Scenes vs scenes), or the file was never created. "No matching export": named vs default import mismatch (`import {Intro}` needs `export const Intro`). Type errors on props: the component props type and the schema/defaultProps disagree — change both together. JSX must be in .tsx files. A package outside the vendored set fails at the import line.',
  },
  {
    id: 'performance',
    title: 'Keeping preview and export fast',
    tags: ['performance', 'slow', 'blur', 'shadow', 'render', 'memo', 'particles'],
    body: 'Large blur filters, many box-shadows and hundreds of DOM particles slow every frame; use fewer, bigger elements, an SVG or a pre-rendered image. Compute heavy data once with useMemo (not per frame). Keep images near the output resolution; a 6000 px photo scaled down costs decoding time on every frame.',
  },
  {
    id: 'logo-reveal',
    title: 'Logo reveal and end card',
    tags: ['logo', 'reveal', 'outro', 'end', 'card', 'cta', 'brand'],
    body: 'End on the brand: logo scales in with a spring (damping ~12 for a small overshoot), tagline fades up 8–10 frames later, call to action last; hold 2 s. Keep the logo at ≤ 30% of the frame width, centred or on the thirds. For SVG logos, evolvePath draws the outline before the fill fades in.',
  },
  {
    id: 'kinetic-typography',
    title: 'Kinetic typography',
    tags: ['kinetic', 'typography', 'words', 'text', 'letters', 'animate', 'title'],
    body: 'Split a title into words (or letters) and animate each with a staggered spring: `text.split(" ").map((w, i) => <span style={{display: "inline-block", transform: `translateY(${(1 - spring({frame: frame - i * 3, fps, config: {damping: 200}})) * 40}px)`}}>{w}&nbsp;</span>)`. display inline-block is needed for transforms on spans. On beats, emphasise one word per beat.',
  },
  {
    id: 'camera-moves',
    title: 'Camera moves on stills',
    tags: ['camera', 'zoom', 'pan', 'ken burns', 'image', 'parallax', 'movement'],
    body: 'Give still images life with a slow push: scale 1 → 1.08 over the scene with an ease-in-out, plus a small translate; parallax by moving background, middle and foreground layers at different speeds. Keep moves slow (≤ 10% over 3 s) and continuous across the cut only when the next scene continues the motion.',
  },
];
