import type { ImageGenerator, ImageRequest, ImageResult } from '../ports/image-generator';
import { decodeBase64 } from '../../util/base64';
import { providerErrorFromBody } from './gemini-errors';
import type { FetchLike } from './gemini-provider';

export interface GeminiImageGeneratorOptions {
  /** `${edgeUrl}/api/gemini` */
  baseUrl: string;
  /** e.g. "gemini-3.1-flash-image" (the edge's /api/providers names the default). */
  model: string;
  apiVersion?: 'v1beta' | 'v1';
  token?: string | (() => string | Promise<string>);
  fetch?: FetchLike;
}

interface ImageResponse {
  candidates?: { content?: { parts?: { text?: string; inlineData?: { mimeType?: string; data?: string } }[] }; finishReason?: string }[];
  promptFeedback?: { blockReason?: string };
}

/** Gemini's image model through the edge (wire/gemini.md §7): generateContent with responseModalities IMAGE. */
export function makeGeminiImageGenerator(options: GeminiImageGeneratorOptions): ImageGenerator {
  const url = `${options.baseUrl.replace(/\/+$/, '')}/${options.apiVersion ?? 'v1beta'}/models/${encodeURIComponent(options.model)}:generateContent`;
  const doFetch: FetchLike = options.fetch ?? ((input, init) => fetch(input, init));
  return {
    async generate(request: ImageRequest): Promise<ImageResult> {
      const headers: Record<string, string> = { 'Content-Type': 'application/json' };
      const token = typeof options.token === 'function' ? await options.token() : options.token;
      if (token) headers.Authorization = `Bearer ${token}`;
      const body = {
        contents: [{ role: 'user', parts: [{ text: request.prompt }] }],
        generationConfig: { responseModalities: ['IMAGE'], imageConfig: { aspectRatio: request.aspectRatio } },
      };
      let response: Response;
      try {
        response = await doFetch(url, { method: 'POST', headers, body: JSON.stringify(body), signal: request.signal });
      } catch (e) {
        return { ok: false, code: 'provider_error', message: `Cannot reach the image model (${(e as Error).message})` };
      }
      const text = await response.text();
      if (!response.ok) {
        const error = providerErrorFromBody(response.status, text, response.headers);
        return { ok: false, code: error.code === 'safety_blocked' ? 'safety_blocked' : 'provider_error', message: `${error.code}: ${error.message}${error.retryAfterSec ? ` (retry in ${error.retryAfterSec} s)` : ''}` };
      }
      const json = JSON.parse(text) as ImageResponse;
      if (json.promptFeedback?.blockReason) return { ok: false, code: 'safety_blocked', message: `The image prompt was blocked (${json.promptFeedback.blockReason}).` };
      const candidate = json.candidates?.[0];
      const parts = candidate?.content?.parts ?? [];
      const image = parts.find((p) => p.inlineData?.data);
      if (!image?.inlineData?.data) {
        const reason = candidate?.finishReason ?? 'no candidate';
        return { ok: false, code: /SAFETY|PROHIBITED/.test(reason) ? 'safety_blocked' : 'no_image', message: `No image came back (${reason}).` };
      }
      const caption = parts.map((p) => p.text ?? '').join('').trim();
      return { ok: true, mimeType: image.inlineData.mimeType ?? 'image/png', bytes: decodeBase64(image.inlineData.data), ...(caption ? { text: caption } : {}) };
    },
  };
}
