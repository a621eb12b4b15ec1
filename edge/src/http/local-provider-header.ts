import type { Context, MiddlewareHandler } from 'hono';
import { getConfig, type LocalProviderId } from '../config/edge-config';
import type { Env } from '../env';

/** Response header naming the local demo provider that answered (so the app can label what it made). */
export const LOCAL_PROVIDER_HEADER = 'X-Director-Local-Provider';

/**
 * Marks responses of a provider that LOCAL_PROVIDERS lists as answered by the local demo server:
 * what they made is a stand-in (clips drawn from the prompt), and the app says so.
 */
export function markLocalProvider(providerOf: (c: Context<{ Bindings: Env }>) => string | undefined): MiddlewareHandler<{ Bindings: Env }> {
  return async (c, next) => {
    await next();
    const provider = providerOf(c);
    if (provider && getConfig(c.env).localProviders.has(provider as LocalProviderId)) c.header(LOCAL_PROVIDER_HEADER, provider);
  };
}
