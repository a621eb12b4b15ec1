/**
 * The plan behind the Scenes template: a title, a length, a palette and scenes of heading + text.
 * It lives in the project as `src/video.ts` (JSON after `export const video =`), so a person,
 * the props editor and the local demo director all edit the same few values.
 */
export interface VideoPlan {
  title: string;
  durationSeconds: number;
  palette: { background: string; accent: string; text: string };
  scenes: { heading: string; text: string }[];
}

export const VIDEO_PLAN_PATH = 'src/video.ts';

export const PLAN_LIMITS = { minSeconds: 2, maxSeconds: 180, maxScenes: 12, maxText: 160 } as const;

const HEADER = `// The video's plan: title, length, colours and scenes. Main.tsx draws it; edit the values freely
// (keep the JSON after "export const video =" valid: the Director's local demo model reads it back).
`;

/** The source of `src/video.ts` for a plan. */
export function videoPlanSource(plan: VideoPlan): string {
  return `${HEADER}export const video = ${JSON.stringify(plan, null, 2)};\n\nexport type Video = typeof video;\n`;
}

const HEX = /^#[0-9a-f]{6}$/i;

/**
 * Reads a plan back from `src/video.ts` (as written by videoPlanSource or edited by hand while it
 * stays JSON); null when the file no longer holds one, so callers can say so instead of guessing.
 */
export function parseVideoPlan(source: string): VideoPlan | null {
  const match = /export const video\s*=\s*(\{[\s\S]*\})\s*;?\s*(?:export type|$)/.exec(source);
  if (!match) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(match[1]!);
  } catch {
    return null;
  }
  return restoreVideoPlan(raw);
}

/** Checks a loose value field by field; null when it is not a usable plan. */
export function restoreVideoPlan(raw: unknown): VideoPlan | null {
  if (!raw || typeof raw !== 'object') return null;
  const r = raw as Record<string, unknown>;
  const palette = (r.palette ?? {}) as Record<string, unknown>;
  const colour = (v: unknown) => (typeof v === 'string' && HEX.test(v) ? v.toLowerCase() : null);
  const background = colour(palette.background);
  const accent = colour(palette.accent);
  const text = colour(palette.text);
  const duration = typeof r.durationSeconds === 'number' && Number.isFinite(r.durationSeconds) ? r.durationSeconds : null;
  if (typeof r.title !== 'string' || !background || !accent || !text || duration === null || !Array.isArray(r.scenes)) return null;
  const scenes = r.scenes
    .filter((s): s is { heading: unknown; text: unknown } => Boolean(s) && typeof s === 'object')
    .map((s) => ({ heading: typeof s.heading === 'string' ? s.heading : '', text: typeof s.text === 'string' ? s.text : '' }))
    .slice(0, PLAN_LIMITS.maxScenes);
  if (scenes.length === 0) return null;
  return {
    title: r.title,
    durationSeconds: Math.min(PLAN_LIMITS.maxSeconds, Math.max(PLAN_LIMITS.minSeconds, duration)),
    palette: { background, accent, text },
    scenes,
  };
}

export const DEFAULT_VIDEO_PLAN: VideoPlan = {
  title: 'My video',
  durationSeconds: 10,
  palette: { background: '#14161b', accent: '#f5b94a', text: '#ffffff' },
  scenes: [
    { heading: 'My video', text: 'A story in a few scenes.' },
    { heading: 'The idea', text: 'Say what matters in one line.' },
    { heading: 'Thank you', text: 'Edit src/video.ts to make it yours.' },
  ],
};
