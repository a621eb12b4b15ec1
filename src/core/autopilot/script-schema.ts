import { z } from 'zod';
import { SCRIPT_LIMITS, type ScriptScene, type VideoScript } from './script-types';

/**
 * The gate for a model's script answer: it is untrusted text that claims to be JSON. Scene
 * durations are clamped (a model's 0 or 90 s is a number to fix, not a reason to fail); missing
 * narration or visuals are reasons to fail, because the person would get an empty video.
 */
const sceneSchema = z.object({
  narration: z.string().trim().min(1, 'a scene has no narration').max(SCRIPT_LIMITS.maxNarration),
  onScreenText: z.string().trim().max(SCRIPT_LIMITS.maxOnScreen).catch(''),
  visualDescription: z.string().trim().min(1, 'a scene has no visual description').max(SCRIPT_LIMITS.maxVisual),
  durationS: z.number().finite().transform((s) => Math.min(SCRIPT_LIMITS.maxSceneS, Math.max(SCRIPT_LIMITS.minSceneS, s))),
});

const scriptSchema = z.object({
  title: z.string().trim().min(1, 'the script has no title').max(SCRIPT_LIMITS.maxTitle),
  hook: z.string().trim().max(SCRIPT_LIMITS.maxNarration).catch(''),
  scenes: z.array(sceneSchema).min(SCRIPT_LIMITS.minScenes, 'the script has no scenes').max(SCRIPT_LIMITS.maxScenes),
});

export type ScriptParse = { ok: true; script: VideoScript } | { ok: false; code: 'not_json' | 'invalid_script'; message: string };

/** A script from the model's answer text (JSON, possibly fenced), or what is wrong with it. */
export function parseScriptAnswer(text: string, language: string): ScriptParse {
  const json = text.trim().replace(/^```(?:json)?\s*/i, '').replace(/\s*```$/, '');
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return { ok: false, code: 'not_json', message: `The script answer is not JSON (it starts “${text.trim().slice(0, 60)}”).` };
  }
  const parsed = scriptSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, code: 'invalid_script', message: `The script answer is not a valid script (${issue?.path.join('.') || 'script'}: ${issue?.message ?? 'invalid'}).` };
  }
  const scenes: ScriptScene[] = parsed.data.scenes.map((s) => ({ narration: s.narration, onScreenText: s.onScreenText, visualDescription: s.visualDescription, durationS: s.durationS }));
  return { ok: true, script: { title: parsed.data.title, hook: parsed.data.hook, language, scenes, source: 'model' } };
}

/** The same shape as Gemini's responseSchema (an OpenAPI subset: wire/gemini.md, structured output). */
export const SCRIPT_RESPONSE_SCHEMA = {
  type: 'OBJECT',
  properties: {
    title: { type: 'STRING' },
    hook: { type: 'STRING' },
    scenes: {
      type: 'ARRAY',
      items: {
        type: 'OBJECT',
        properties: {
          narration: { type: 'STRING' },
          onScreenText: { type: 'STRING' },
          visualDescription: { type: 'STRING' },
          durationS: { type: 'NUMBER' },
        },
        required: ['narration', 'onScreenText', 'visualDescription', 'durationS'],
        propertyOrdering: ['narration', 'onScreenText', 'visualDescription', 'durationS'],
      },
    },
  },
  required: ['title', 'hook', 'scenes'],
  propertyOrdering: ['title', 'hook', 'scenes'],
} as const;
