import type { ModelProvider } from './model-types';
import { isProviderError, type ProviderError } from './provider-error';

export interface RetryOptions {
  maxAttempts: number;
  /** Longer waits are not worth it inside a chat turn: the error goes to the person instead. */
  maxWaitSec: number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  onRetry?: (error: ProviderError, attempt: number, waitSec: number) => void;
}

const DEFAULTS: RetryOptions = {
  maxAttempts: 3,
  maxWaitSec: 20,
  sleep: (ms, signal) =>
    new Promise((resolve, reject) => {
      const t = setTimeout(resolve, ms);
      signal?.addEventListener('abort', () => (clearTimeout(t), reject(signal.reason)), { once: true });
    }),
};

/** Retries retryable provider errors (429 with a short RetryInfo, 5xx, cut streams), waiting as told. */
export function withRetries(provider: ModelProvider, options: Partial<RetryOptions> = {}): ModelProvider {
  const o = { ...DEFAULTS, ...options };
  return {
    name: provider.name,
    async generate(request, generateOptions = {}) {
      for (let attempt = 1; ; attempt++) {
        try {
          return await provider.generate(request, generateOptions);
        } catch (e) {
          if (!isProviderError(e) || !e.retryable || attempt >= o.maxAttempts) throw e;
          const wait = e.retryAfterSec ?? 2 ** (attempt - 1);
          if (wait > o.maxWaitSec) throw e;
          o.onRetry?.(e, attempt, wait);
          await o.sleep(wait * 1000, generateOptions.signal);
        }
      }
    },
  };
}
