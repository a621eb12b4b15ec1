import { RunnerError, runnerFailure, type NodeRunner } from '../../../core/graph/node-runner';
import { originOf } from '../../../core/graph/take-origin';
import { enhanceRequestBody, enhancedTextOf, type EnhancePreset } from '../../../core/prompt/enhance-prompt';
import { ok } from '../../../core/util/result';
import type { DirectorDb } from '../../../db/database';
import { loadSettings } from '../../../db/settings-repo';
import { callEdge } from '../../edge/edge-client';
import { imageData } from './asset-refs';
import { fromEdge } from './edge-failure';

/** Enhance: Gemini (the agent model in Settings) rewrites the wired prompt for the target video model. */
export function makeEnhanceRunner(db: DirectorDb): NodeRunner {
  return {
    async run(ctx) {
      const prompt = typeof ctx.inputs.prompt === 'string' ? ctx.inputs.prompt : '';
      if (!prompt.trim()) throw new RunnerError('missing_input', 'Connect a Prompt with some text.', { retryable: false });
      const p = ctx.params as { preset: EnhancePreset; target: 'veo' | 'runway'; instructions: string; seed?: number };
      const image = ctx.inputs.image ? await imageData(db, ctx.inputs.image, 'Image input') : undefined;
      const body = enhanceRequestBody({ prompt, preset: p.preset, target: p.target, instructions: p.instructions, ...(p.seed !== undefined ? { seed: p.seed } : {}), ...(image ? { image } : {}) });
      const model = (await loadSettings(db)).models.agent;
      ctx.progress(0.2, 'rewriting');
      const response = await callEdge(`/api/gemini/v1beta/models/${encodeURIComponent(model)}:generateContent`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
        signal: ctx.signal,
      }).catch(fromEdge);
      const answer = enhancedTextOf(await response.json());
      if (!answer.ok) return runnerFailure(answer.code, answer.message, { retryable: answer.code === 'empty_answer' });
      return ok({ text: answer.text, origin: originOf('gemini', response.headers) });
    },
  };
}
