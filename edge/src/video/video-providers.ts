import type { EdgeConfig } from '../config/edge-config';
import { makeOpenAiVideoProvider } from './openai-adapter';
import { makeRunwayProvider } from './runway-adapter';
import { makeVeoProvider } from './veo-adapter';
import type { VideoProvider, VideoProviderId } from './video-provider';

/**
 * How much longer than the usual upstream limit a start may run in the background, to learn the
 * operation id of a start the provider accepted but answered late. Workers keep waitUntil work
 * alive for 30 s after the response.
 */
export const LATE_START_GRACE_MS = 25_000;

/** The video providers this edge has keys and models for; the rest are disabled. */
export function enabledVideoProviders(config: EdgeConfig): Map<VideoProviderId, VideoProvider> {
  const providers = new Map<VideoProviderId, VideoProvider>();
  const timeoutMs = config.limits.upstreamTimeoutMs;
  const startTimeoutMs = timeoutMs + LATE_START_GRACE_MS;
  if (config.veo.apiKey && config.veo.models.length) {
    providers.set('veo', makeVeoProvider({ apiKey: config.veo.apiKey, baseUrl: config.veo.baseUrl, models: config.veo.models, timeoutMs, startTimeoutMs }));
  }
  if (config.runway.apiKey && config.runway.models.length) {
    providers.set(
      'runway',
      makeRunwayProvider({
        apiKey: config.runway.apiKey,
        baseUrl: config.runway.baseUrl,
        models: config.runway.models,
        apiVersion: config.runway.apiVersion,
        timeoutMs,
        startTimeoutMs,
      }),
    );
  }
  if (config.openai.apiKey && config.openai.models.length) {
    providers.set('openai', makeOpenAiVideoProvider({ apiKey: config.openai.apiKey, baseUrl: config.openai.baseUrl, models: config.openai.models, timeoutMs, startTimeoutMs }));
  }
  return providers;
}
