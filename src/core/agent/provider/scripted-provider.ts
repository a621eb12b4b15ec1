import type { Content, FunctionCall, FunctionResponse, GenerateOptions, ModelProvider, ModelRequest, ModelResponse } from './model-types';
import { readStream } from './gemini-provider';
import { ProviderError } from './provider-error';

/** One recorded model answer. `calls` become functionCall parts; `error` is thrown instead of answering. */
export interface ScriptedReply {
  text?: string;
  calls?: FunctionCall[];
  finishReason?: string;
  finishMessage?: string;
  error?: ProviderError;
  /** Never answers until the request is aborted (to test cancel mid-call). */
  hang?: boolean;
  /** A recorded streamGenerateContent SSE body, replayed through the Gemini stream reader as is. */
  recordedSse?: string;
}

/** A reply, or a function of the request (to echo hashes the tools returned). */
export type ScriptStep = ScriptedReply | ((request: ModelRequest, index: number) => ScriptedReply);

export interface ScriptedProvider extends ModelProvider {
  /** Every request received, in order (tests assert what the model was told). */
  readonly requests: ModelRequest[];
  remaining(): number;
}

/**
 * Replays a transcript of model answers, one per generate() call. Throws (as a provider would)
 * when the script runs out, so a test notices a loop that asks more than was recorded.
 *
 * @example
 * const model = makeScriptedProvider([{ calls: [{ name: 'map_project', args: {} }] }, { text: 'Done.' }]);
 */
export function makeScriptedProvider(script: readonly ScriptStep[], name = 'scripted'): ScriptedProvider {
  const requests: ModelRequest[] = [];
  let next = 0;
  return {
    name,
    requests,
    remaining: () => script.length - next,
    async generate(request: ModelRequest, options: GenerateOptions = {}): Promise<ModelResponse> {
      requests.push(structuredClone(request));
      if (options.signal?.aborted) throw new ProviderError('cancelled', 'cancelled before the request');
      const index = next++;
      const step = script[index];
      if (!step) throw new ProviderError('malformed_response', `[scripted provider] no reply recorded for request ${index + 1} (script has ${script.length})`);
      const reply = typeof step === 'function' ? step(request, index) : step;
      if (reply.hang) {
        await new Promise<never>((_, reject) => {
          if (!options.signal) return;
          options.signal.addEventListener('abort', () => reject(new ProviderError('cancelled', 'cancelled while waiting for the model')), { once: true });
        });
      }
      if (reply.error) throw reply.error;
      if (reply.recordedSse !== undefined) return readStream(new Response(reply.recordedSse).body!, options.signal, options.onTextDelta);
      if (reply.text) options.onTextDelta?.(reply.text);
      const parts = [...(reply.text ? [{ text: reply.text }] : []), ...(reply.calls ?? []).map((c) => ({ functionCall: { name: c.name, args: c.args ?? {} } }))];
      const content: Content = { role: 'model', parts: parts.length ? parts : [{ text: '' }] };
      return {
        content,
        text: reply.text ?? '',
        functionCalls: (reply.calls ?? []).map((c) => ({ name: c.name, args: c.args ?? {} })),
        finishReason: reply.finishReason ?? 'STOP',
        ...(reply.finishMessage ? { finishMessage: reply.finishMessage } : {}),
      };
    },
  };
}

/** The latest function response for a tool in the request's history (e.g. to read the hash read_file gave). */
export function lastFunctionResponse(request: ModelRequest, toolName: string): FunctionResponse['response'] | undefined {
  for (let i = request.contents.length - 1; i >= 0; i--) {
    const parts = request.contents[i]!.parts;
    for (let j = parts.length - 1; j >= 0; j--) {
      const fr = parts[j]!.functionResponse;
      if (fr?.name === toolName) return fr.response;
    }
  }
  return undefined;
}
