import type { Content, FinishReason, FunctionCall, GenerateOptions, ModelProvider, ModelRequest, ModelResponse, Part, TokenUsage } from './model-types';
import { providerErrorFromBody } from './gemini-errors';
import { isProviderError, ProviderError } from './provider-error';
import { makeSseDecoder } from './sse-decoder';

export type FetchLike = (input: string, init: { method: string; headers: Record<string, string>; body: string; signal?: AbortSignal }) => Promise<Response>;

export interface GeminiProviderOptions {
  /** Everything before "/v1beta/models/…": the edge's `${edgeUrl}/api/gemini`, or Google's host. */
  baseUrl: string;
  model: string;
  apiVersion?: 'v1beta' | 'v1';
  /** The edge's access token (sent as Authorization: Bearer); a function to fetch a fresh one. */
  token?: string | (() => string | Promise<string>);
  /** A person's own Gemini key, passed to the edge as X-Director-Gemini-Key. */
  userKey?: string;
  fetch?: FetchLike;
  /** Extra headers (e.g. x-goog-api-key when talking to Google directly in a dev tool). */
  headers?: Record<string, string>;
}

/** One streamed GenerateContentResponse, the fields we read (unknown ones are ignored). */
interface StreamEvent {
  candidates?: { content?: { parts?: Part[] }; finishReason?: string; finishMessage?: string }[];
  promptFeedback?: { blockReason?: string; blockReasonMessage?: string };
  usageMetadata?: { promptTokenCount?: number; candidatesTokenCount?: number; totalTokenCount?: number };
  modelVersion?: string;
  error?: unknown;
}

const SAFETY_FINISH = new Set(['SAFETY', 'PROHIBITED_CONTENT', 'BLOCKLIST', 'SPII', 'IMAGE_SAFETY', 'IMAGE_PROHIBITED_CONTENT']);

/**
 * A ModelProvider speaking Gemini's REST wire format with streaming and function calling
 * (POST {base}/{v}/models/{model}:streamGenerateContent?alt=sse), through the edge by default.
 *
 * @example
 * const provider = makeGeminiProvider({ baseUrl: `${edgeUrl}/api/gemini`, model: 'gemini-2.5-flash', token });
 */
export function makeGeminiProvider(options: GeminiProviderOptions): ModelProvider {
  const base = options.baseUrl.replace(/\/+$/, '');
  const url = `${base}/${options.apiVersion ?? 'v1beta'}/models/${encodeURIComponent(options.model)}:streamGenerateContent?alt=sse`;
  const doFetch: FetchLike = options.fetch ?? ((input, init) => fetch(input, init));

  return {
    name: `gemini:${options.model}`,
    async generate(request: ModelRequest, generateOptions: GenerateOptions = {}): Promise<ModelResponse> {
      const { signal, onTextDelta } = generateOptions;
      if (signal?.aborted) throw new ProviderError('cancelled', 'cancelled before the request');
      const headers: Record<string, string> = { 'Content-Type': 'application/json', ...options.headers };
      const token = typeof options.token === 'function' ? await options.token() : options.token;
      if (token) headers.Authorization = `Bearer ${token}`;
      if (options.userKey) headers['X-Director-Gemini-Key'] = options.userKey;

      let response: Response;
      try {
        response = await doFetch(url, { method: 'POST', headers, body: JSON.stringify(toWireRequest(request)), signal });
      } catch (e) {
        if (signal?.aborted) throw new ProviderError('cancelled', 'cancelled');
        throw new ProviderError('network_error', `Cannot reach the model at ${base} (${(e as Error).message})`);
      }
      if (!response.ok) {
        const text = await response.text().catch(() => '');
        throw providerErrorFromBody(response.status, text, response.headers);
      }
      if (!response.body) throw new ProviderError('malformed_response', 'The stream response has no body');
      return readStream(response.body, signal, onTextDelta);
    },
  };
}

/** Our request as Gemini's JSON body (wire/gemini.md §2). */
export function toWireRequest(request: ModelRequest): Record<string, unknown> {
  const body: Record<string, unknown> = { contents: request.contents };
  if (request.systemInstruction) body.systemInstruction = { parts: [{ text: request.systemInstruction }] };
  if (request.tools?.length) {
    body.tools = [{ functionDeclarations: request.tools }];
    body.toolConfig = { functionCallingConfig: { mode: request.functionCallingMode ?? 'AUTO' } };
  }
  const generationConfig: Record<string, unknown> = {};
  if (request.temperature !== undefined) generationConfig.temperature = request.temperature;
  if (request.maxOutputTokens !== undefined) generationConfig.maxOutputTokens = request.maxOutputTokens;
  if (request.responseMimeType) generationConfig.responseMimeType = request.responseMimeType;
  if (request.responseSchema) generationConfig.responseSchema = request.responseSchema;
  if (Object.keys(generationConfig).length) body.generationConfig = generationConfig;
  return body;
}

/** Reads the SSE stream into one response; a cut, an error event or an abort become ProviderErrors. */
export async function readStream(body: ReadableStream<Uint8Array>, signal: AbortSignal | undefined, onTextDelta?: (delta: string) => void): Promise<ModelResponse> {
  const reader = body.getReader();
  const decoder = makeSseDecoder();
  const acc = makeResponseAccumulator(onTextDelta);
  const aborted = new Promise<never>((_, reject) => {
    if (!signal) return;
    const onAbort = () => reject(new ProviderError('cancelled', 'cancelled while streaming'));
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
  aborted.catch(() => {});
  try {
    for (;;) {
      // The reader's own result type: core compiles without the DOM lib, which names it ReadableStreamReadResult.
      let chunk: Awaited<ReturnType<typeof reader.read>>;
      try {
        chunk = await Promise.race([reader.read(), aborted]);
      } catch (e) {
        if (isProviderError(e)) throw e;
        if (signal?.aborted) throw new ProviderError('cancelled', 'cancelled while streaming');
        throw new ProviderError('stream_cut', `The model's stream broke off (${(e as Error).message}); the answer is incomplete.`);
      }
      if (chunk.done) break;
      for (const payload of decoder.push(chunk.value)) acc.add(parseEvent(payload));
    }
    const rest = decoder.end();
    if (rest) {
      let event: StreamEvent;
      try {
        event = JSON.parse(rest) as StreamEvent;
      } catch {
        throw new ProviderError('stream_cut', 'The model\'s stream ended in the middle of an event; the answer is incomplete.');
      }
      acc.add(event);
    }
    return acc.finish();
  } finally {
    reader.cancel().catch(() => {});
  }
}

function parseEvent(payload: string): StreamEvent {
  try {
    return JSON.parse(payload) as StreamEvent;
  } catch {
    throw new ProviderError('malformed_response', `The model sent an event that is not JSON: ${payload.slice(0, 120)}`);
  }
}

function makeResponseAccumulator(onTextDelta?: (delta: string) => void) {
  const parts: Part[] = [];
  let finishReason: FinishReason | undefined;
  let finishMessage: string | undefined;
  let usage: TokenUsage | undefined;
  let modelVersion: string | undefined;
  let blocked: { reason: string; message?: string } | undefined;

  const addPart = (part: Part) => {
    const last = parts[parts.length - 1];
    const isPlainText = typeof part.text === 'string' && !part.functionCall && !part.inlineData;
    if (isPlainText && part.text === '' && !part.thoughtSignature) return;
    // Text deltas join the previous text part of the same kind, unless a second signature would be lost.
    if (isPlainText && last && typeof last.text === 'string' && !last.functionCall && Boolean(last.thought) === Boolean(part.thought) && !(last.thoughtSignature && part.thoughtSignature)) {
      last.text += part.text!;
      if (part.thoughtSignature) last.thoughtSignature = part.thoughtSignature;
    } else parts.push({ ...part });
    if (isPlainText && !part.thought && part.text) onTextDelta?.(part.text);
  };

  return {
    add(event: StreamEvent) {
      if (event.error) {
        const e = event.error as { code?: number };
        throw providerErrorFromBody(typeof e.code === 'number' ? e.code : 0, JSON.stringify(event));
      }
      if (event.promptFeedback?.blockReason) blocked = { reason: event.promptFeedback.blockReason, message: event.promptFeedback.blockReasonMessage };
      const candidate = event.candidates?.[0];
      for (const part of candidate?.content?.parts ?? []) addPart(part);
      if (candidate?.finishReason) finishReason = candidate.finishReason;
      if (candidate?.finishMessage) finishMessage = candidate.finishMessage;
      if (event.usageMetadata) {
        const u = event.usageMetadata;
        usage = { promptTokens: u.promptTokenCount ?? 0, outputTokens: u.candidatesTokenCount ?? 0, totalTokens: u.totalTokenCount ?? 0 };
      }
      if (event.modelVersion) modelVersion = event.modelVersion;
    },
    finish(): ModelResponse {
      if (blocked) throw new ProviderError('safety_blocked', `The prompt was blocked (${blocked.reason})${blocked.message ? `: ${blocked.message}` : ''}.`, { reasons: [blocked.reason] });
      if (!finishReason) throw new ProviderError('stream_cut', "The model's stream ended before its final event; the answer is incomplete.");
      const functionCalls: FunctionCall[] = parts.filter((p) => p.functionCall).map((p) => p.functionCall!);
      if (SAFETY_FINISH.has(finishReason) && functionCalls.length === 0) {
        throw new ProviderError('safety_blocked', `The answer was stopped by the safety filter (${finishReason}).`, { reasons: [finishReason] });
      }
      // Thought summaries are not replayed; their signatures are, on the part they came with.
      const history = parts.filter((p) => !p.thought || p.thoughtSignature).map((p) => (p.thought ? { text: '', thoughtSignature: p.thoughtSignature } : p));
      const content: Content = { role: 'model', parts: history.length ? history : [{ text: '' }] };
      const text = parts.filter((p) => typeof p.text === 'string' && !p.thought).map((p) => p.text).join('');
      return { content, text, functionCalls, finishReason, ...(finishMessage ? { finishMessage } : {}), ...(usage ? { usage } : {}), ...(modelVersion ? { modelVersion } : {}) };
    },
  };
}
