import { TEMPLATE_NOTE, templateScript, writeScript, type ScriptFailure, type ScriptOptions, type VideoScript } from '../../core/autopilot';
import { err, ok, type Result } from '../../core/util/result';
import { loadSettings } from '../../db/settings-repo';
import { db } from '../db';
import { EdgeCallError, callEdge } from '../edge/edge-client';

/** Edge answers that mean "no model here", so the offline outline is the honest answer. */
const NO_MODEL_CODES = new Set(['unreachable', 'not_configured']);

export interface ScriptFromTopic {
  script: VideoScript;
  /** Set when the script is the offline outline: why, in one sentence, and what to do. */
  note?: string;
}

/**
 * A script for `topic`: Gemini through the edge (the agent model in Settings), or — offline, with
 * no edge, or with no key at the edge — the template outline with a note saying so. Other edge
 * failures (quota, a blocked topic, two malformed answers) are reported, not papered over.
 */
export async function scriptFromTopic(topic: string, options: ScriptOptions, opts: { offline?: boolean; signal?: AbortSignal } = {}): Promise<Result<ScriptFromTopic, ScriptFailure | 'edge_failed'>> {
  if (!topic.trim()) return err('invalid_script', 'Write a topic first: what is the video about?');
  if (opts.offline) return ok({ script: templateScript(topic, options), note: TEMPLATE_NOTE });
  const model = (await loadSettings(db)).models.agent;
  try {
    const written = await writeScript(
      async (body, signal) => {
        const response = await callEdge(`/api/gemini/v1beta/models/${encodeURIComponent(model)}:generateContent`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body), ...(signal ? { signal } : {}) });
        return response.json();
      },
      topic,
      options,
      opts.signal,
    );
    return written.ok ? ok({ script: written.value }) : written;
  } catch (e) {
    if (e instanceof EdgeCallError && NO_MODEL_CODES.has(e.code)) return ok({ script: templateScript(topic, options), note: `${TEMPLATE_NOTE} (${e.message})` });
    if (e instanceof EdgeCallError) return err('edge_failed', `The script could not be written: ${e.message}`);
    throw e;
  }
}
