import type { SubtitleCue } from '../narration/narration-types';
import { type AutopilotRun, type RunArtifacts, type SceneNarration, type StepState, type StepStatus } from './autopilot-run';
import { initialSteps } from './autopilot-steps';
import { restoreCaptionStyle } from './caption-style';
import { parseScriptAnswer } from './script-schema';
import { DEFAULT_SCRIPT_OPTIONS, SCRIPT_LIMITS, SCRIPT_TONES, type ScriptOptions } from './script-types';

/**
 * The gate for stored runs (IndexedDB rows, backups): the envelope (id, projectId, topic) must
 * be there; every other field is kept when valid, else reset, so an old or damaged row still
 * opens — at worst with steps to run again.
 */
export function restoreAutopilotRun(raw: unknown): AutopilotRun | null {
  if (!raw || typeof raw !== 'object') return null;
  const r = raw as Record<string, unknown>;
  if (typeof r.id !== 'string' || typeof r.projectId !== 'string' || typeof r.topic !== 'string') return null;
  const o = obj(r.options);
  const options: ScriptOptions = {
    lengthS: num(o.lengthS, DEFAULT_SCRIPT_OPTIONS.lengthS, SCRIPT_LIMITS.minLengthS, SCRIPT_LIMITS.maxLengthS),
    tone: SCRIPT_TONES.includes(o.tone as never) ? (o.tone as ScriptOptions['tone']) : DEFAULT_SCRIPT_OPTIONS.tone,
    audience: str(o.audience, DEFAULT_SCRIPT_OPTIONS.audience, 200),
    language: typeof o.language === 'string' && /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/.test(o.language) ? o.language : DEFAULT_SCRIPT_OPTIONS.language,
  };
  const v = obj(r.voice);
  const stored = new Map((Array.isArray(r.steps) ? r.steps : []).map((s) => [obj(s).id, obj(s)]));
  const steps: StepState[] = initialSteps().map((fresh) => {
    const s = stored.get(fresh.id);
    if (!s || !['pending', 'running', 'done', 'failed'].includes(s.status as string)) return fresh;
    return {
      id: fresh.id,
      status: s.status as StepStatus,
      progress: num(s.progress, 0, 0, 1),
      ...(typeof s.startedAt === 'number' ? { startedAt: s.startedAt } : {}),
      ...(typeof s.endedAt === 'number' ? { endedAt: s.endedAt } : {}),
      ...(typeof s.summary === 'string' ? { summary: s.summary.slice(0, 500) } : {}),
      ...(typeof s.error === 'string' ? { error: s.error.slice(0, 1000) } : {}),
    };
  });
  return {
    id: r.id,
    projectId: r.projectId,
    topic: r.topic.slice(0, 2000),
    options,
    offline: r.offline === true,
    ...(typeof r.brandKitId === 'string' ? { brandKitId: r.brandKitId } : {}),
    ...(typeof r.musicAssetId === 'string' ? { musicAssetId: r.musicAssetId } : {}),
    voice: { provider: v.provider === 'cloud' ? 'cloud' : 'offline', voice: str(v.voice, v.provider === 'cloud' ? 'Kore' : 'en-us', 80), speed: num(v.speed, 1, 0.5, 2), pitch: num(v.pitch, 0, -12, 12) },
    captionStyle: restoreCaptionStyle(r.captionStyle),
    steps,
    artifacts: restoreArtifacts(obj(r.artifacts)),
    createdAt: num(r.createdAt, 0, 0, Number.MAX_SAFE_INTEGER),
    updatedAt: num(r.updatedAt, 0, 0, Number.MAX_SAFE_INTEGER),
  };
}

function restoreArtifacts(a: Record<string, unknown>): RunArtifacts {
  const out: RunArtifacts = {};
  const script = obj(a.script);
  if (Array.isArray(script.scenes)) {
    const parsed = parseScriptAnswer(JSON.stringify(script), typeof script.language === 'string' ? script.language : 'en');
    if (parsed.ok) out.script = { ...parsed.script, source: script.source === 'template' ? 'template' : 'model' };
  }
  if (typeof a.scriptNote === 'string') out.scriptNote = a.scriptNote.slice(0, 500);
  if (Array.isArray(a.narration)) {
    out.narration = a.narration.flatMap((n): SceneNarration[] => {
      const x = obj(n);
      return typeof x.sceneId === 'string' && typeof x.assetName === 'string' && typeof x.durationS === 'number' ? [{ sceneId: x.sceneId, assetName: x.assetName, durationS: x.durationS, words: words(x.words) }] : [];
    });
  }
  if (Array.isArray(a.cues)) out.cues = a.cues.flatMap((c) => restoreCue(c));
  if (typeof a.soundtrackAsset === 'string') out.soundtrackAsset = a.soundtrackAsset;
  const l = obj(a.loudness);
  if (typeof l.beforeLufs === 'number' && typeof l.afterLufs === 'number' && typeof l.truePeakDbtp === 'number') out.loudness = { beforeLufs: l.beforeLufs, afterLufs: l.afterLufs, truePeakDbtp: l.truePeakDbtp };
  if (typeof a.renderAssetId === 'string') out.renderAssetId = a.renderAssetId;
  return out;
}

/** A cue from storage or the cue editor: finite times, end after start, some text. */
export function restoreCue(raw: unknown): SubtitleCue[] {
  const c = obj(raw);
  if (typeof c.text !== 'string' || !c.text.trim() || !isTime(c.startS) || !isTime(c.endS) || (c.endS as number) <= (c.startS as number)) return [];
  const w = words(c.words);
  return [{ startS: c.startS as number, endS: c.endS as number, text: c.text.slice(0, 200), ...(w.length ? { words: w } : {}) }];
}

const words = (raw: unknown) => (Array.isArray(raw) ? raw.map(obj).filter((w) => typeof w.text === 'string' && isTime(w.startS) && isTime(w.endS)).map((w) => ({ text: w.text as string, startS: w.startS as number, endS: w.endS as number })) : []);
const isTime = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v < 86_400;
const obj = (v: unknown) => (v && typeof v === 'object' ? (v as Record<string, unknown>) : {});
const num = (v: unknown, d: number, min: number, max: number) => (typeof v === 'number' && Number.isFinite(v) ? Math.min(max, Math.max(min, v)) : d);
const str = (v: unknown, d: string, max: number) => (typeof v === 'string' && v.trim() ? v.trim().slice(0, max) : d);
