import type { Context } from 'hono';
import { getConfig } from '../config/edge-config';
import type { Env } from '../env';
import { fetchUpstream, type UpstreamResponse } from '../upstream/fetch-upstream';
import { googleError } from '../upstream/google-error';
import { chooseGeminiKey } from './gemini-key';

export interface GeminiCall {
  /** Path after the base URL, starting with "/" (query included). */
  path: string;
  method: 'GET' | 'POST' | 'DELETE';
  headers?: Record<string, string>;
  body?: BodyInit | null;
}

/**
 * Sends one request to the Gemini API with the key added (as a header, never in the URL, so no
 * upstream URL we echo can carry it). Non-2xx answers become typed EdgeErrors.
 */
export async function callGemini(c: Context<{ Bindings: Env }>, call: GeminiCall): Promise<UpstreamResponse> {
  const config = getConfig(c.env);
  const { key, userKey } = chooseGeminiKey(c);
  const upstream = await fetchUpstream(
    config.gemini.baseUrl + call.path,
    {
      method: call.method,
      headers: { ...call.headers, 'x-goog-api-key': key },
      body: call.body ?? null,
      // @ts-expect-error duplex is needed by fetch for a streamed request body; workerd accepts it.
      duplex: call.body instanceof ReadableStream ? 'half' : undefined,
    },
    { provider: 'gemini', timeoutMs: config.limits.upstreamTimeoutMs },
  );
  if (!upstream.response.ok) {
    throw await googleError(upstream.response, { provider: 'gemini', userKey, secrets: [key, config.gemini.apiKey] });
  }
  return upstream;
}

/** Response headers worth passing back from Google (everything else stays behind). */
const PASSED_HEADERS = ['content-type', 'content-disposition', 'x-goog-upload-status', 'x-goog-upload-size-received', 'x-goog-upload-chunk-granularity'];

export function relayHeaders(from: Headers): Headers {
  const out = new Headers({ 'Cache-Control': 'no-store' });
  for (const name of PASSED_HEADERS) {
    const value = from.get(name);
    if (value !== null) out.set(name, value);
  }
  return out;
}
