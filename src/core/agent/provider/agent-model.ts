import { makeGeminiProvider, type GeminiProviderOptions } from './gemini-provider';
import type { ModelProvider } from './model-types';
import { withRetries, type RetryOptions } from './retrying-provider';

export interface AgentModelOptions extends GeminiProviderOptions {
  retry?: Partial<RetryOptions>;
}

/**
 * In a chat turn a person is waiting: short waits (a burst limit, a 5xx) are retried quietly; a
 * longer Retry-After goes straight to the person as "Try again in N s".
 */
const CHAT_RETRY: Partial<RetryOptions> = { maxAttempts: 3, maxWaitSec: 10 };

/**
 * The model the app's agent talks to: Gemini through the edge, with 429 / 5xx / cut streams
 * retried after the wait the server asked for (Retry-After, RetryInfo) or a short backoff. A turn
 * fails on a provider error only once the retries are spent.
 *
 * @example
 * const model = makeAgentModel({ baseUrl: `${edgeUrl}/api/gemini`, model: settings.models.agent, token });
 */
export function makeAgentModel(options: AgentModelOptions): ModelProvider {
  const { retry, ...gemini } = options;
  return withRetries(makeGeminiProvider(gemini), { ...CHAT_RETRY, ...retry });
}
