import { Hono } from 'hono';
import { getConfig } from '../config/edge-config';
import type { Env } from '../env';
import { BODY_LIMITS, limitBody } from '../http/body-limit';
import { EdgeError } from '../http/edge-error';
import { readJsonWithText } from '../http/validate-json';
import { meter } from '../limits/meter';
import { passThroughSse } from '../upstream/sse-passthrough';
import { hasUserKey } from './gemini-key';
import { BODY_SCHEMA, MODEL_METHODS, type ModelMethod } from './gemini-schemas';
import { callGemini, relayHeaders } from './gemini-upstream';

/**
 * POST /{v1|v1beta}/models/{model}:{generateContent|streamGenerateContent|countTokens}
 * Same paths as Google's, so @google/genai works with httpOptions.baseUrl = "<edge>/api/gemini".
 * Text, image and TTS models all go through here; only configured models are allowed.
 */
export const geminiModelRoutes = new Hono<{ Bindings: Env }>().post(
  '/:version{v1beta|v1}/models/:call',
  limitBody(BODY_LIMITS.geminiJson),
  meter((c) => (hasUserKey(c) ? 0 : 1)),
  async (c) => {
    const { model, method } = parseModelCall(c.req.param('call'));
    const { models } = getConfig(c.env).gemini;
    if (models.length > 0 && !models.includes(model)) {
      throw new EdgeError('invalid_argument', `model "${model}" is not enabled on this edge (GEMINI_MODELS: ${models.join(', ')})`, { field: 'model' });
    }
    const { text } = await readJsonWithText(c, BODY_SCHEMA[method]);

    let query = '';
    if (method === 'streamGenerateContent') {
      const alt = c.req.query('alt') ?? 'sse';
      if (alt !== 'sse' && alt !== 'json') throw new EdgeError('invalid_argument', `query.alt must be "sse" or "json", got "${alt}"`, { field: 'alt' });
      query = `?alt=${alt}`;
    }

    const upstream = await callGemini(c, {
      method: 'POST',
      path: `/${c.req.param('version')}/models/${model}:${method}${query}`,
      headers: { 'Content-Type': 'application/json' },
      body: text,
    });
    const headers = relayHeaders(upstream.response.headers);
    if (method === 'streamGenerateContent' && query === '?alt=sse') {
      const { streamIdleTimeoutMs } = getConfig(c.env).limits;
      headers.set('Content-Type', 'text/event-stream');
      // no-transform keeps proxies from compressing (and so buffering) the stream.
      headers.set('Cache-Control', 'no-store, no-transform');
      return new Response(passThroughSse(upstream, { provider: 'gemini', idleTimeoutMs: streamIdleTimeoutMs }), { status: 200, headers });
    }
    return new Response(upstream.response.body, { status: upstream.response.status, headers });
  },
);

/** "gemini-2.5-flash:generateContent" → model + method, or 400. */
function parseModelCall(call: string): { model: string; method: ModelMethod } {
  const match = /^([a-z0-9][a-z0-9.\-]{0,127}):([A-Za-z]+)$/.exec(call);
  if (!match) throw new EdgeError('invalid_argument', `path must end in "models/<model>:<method>", got "${call.slice(0, 140)}"`, { field: 'model' });
  const method = match[2] as ModelMethod;
  if (!MODEL_METHODS.includes(method)) {
    throw new EdgeError('not_supported', `method "${method}" is not proxied (supported: ${MODEL_METHODS.join(', ')})`);
  }
  return { model: match[1]!, method };
}
