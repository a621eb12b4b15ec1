import type { Env } from '../env';

/** Configuration resolved once per `env` object: typed, defaulted, validated. */
export interface EdgeConfig {
  allowedOrigins: ReadonlySet<string>;
  accessTokens: readonly AccessTokenEntry[];
  gemini: {
    apiKey: string | undefined;
    baseUrl: string;
    models: readonly string[];
    defaults: { text?: string; image?: string; tts?: string };
  };
  veo: { apiKey: string | undefined; baseUrl: string; models: readonly string[] };
  runway: { apiKey: string | undefined; baseUrl: string; models: readonly string[]; apiVersion: string };
  openai: { apiKey: string | undefined; baseUrl: string; models: readonly string[] };
  render: { backendUrl: string | undefined; backendToken: string | undefined };
  stock: { pexels: { apiKey: string | undefined; baseUrl: string }; pixabay: { apiKey: string | undefined; baseUrl: string } };
  /** Providers answered by the local demo server of `npm start` (LOCAL_PROVIDERS), not the real APIs. */
  localProviders: ReadonlySet<LocalProviderId>;
  limits: {
    requestsPerMinute: number;
    dailyQuotaUnits: number;
    videoStartCost: number;
    upstreamTimeoutMs: number;
    streamIdleTimeoutMs: number;
    /** Wrong or malformed access tokens one address may send per minute (bursts up to this many). */
    authFailuresPerMinute: number;
    /** Anonymous share downloads one address may make per minute. */
    shareReadsPerMinute: number;
    /** GET /api/providers per token per minute, counted apart so a connection check costs nothing else. */
    providersPerMinute: number;
  };
  shares: { ttlDays: number; maxTtlDays: number; maxBytes: number };
}

export interface AccessTokenEntry {
  /** Short name for logs; defaults to the first 8 hex digits of the hash. */
  label: string;
  /** sha-256 of the token, 32 bytes. */
  hash: Uint8Array;
  hashHex: string;
}

export const LOCAL_PROVIDER_IDS = ['gemini', 'veo', 'runway'] as const;
export type LocalProviderId = (typeof LOCAL_PROVIDER_IDS)[number];

/** Thrown when a var is malformed: a deploy mistake, reported as a 500 with the var's name. */
export class ConfigError extends Error {
  readonly code = 'config_invalid';
}

const cache = new WeakMap<Env, EdgeConfig>();

/** Reads the config for `env`, parsing it on first use. */
export function getConfig(env: Env): EdgeConfig {
  let config = cache.get(env);
  if (!config) {
    config = parseConfig(env);
    cache.set(env, config);
  }
  return config;
}

export function parseConfig(env: Env): EdgeConfig {
  return {
    allowedOrigins: new Set(list(env.ALLOWED_ORIGINS).map((o) => o.replace(/\/+$/, ''))),
    accessTokens: list(env.ACCESS_TOKEN_HASHES).map(parseTokenEntry),
    gemini: {
      apiKey: nonEmpty(env.GEMINI_API_KEY),
      baseUrl: baseUrl('GEMINI_BASE_URL', env.GEMINI_BASE_URL ?? 'https://generativelanguage.googleapis.com'),
      models: list(env.GEMINI_MODELS),
      defaults: {
        text: nonEmpty(env.GEMINI_TEXT_MODEL),
        image: nonEmpty(env.GEMINI_IMAGE_MODEL),
        tts: nonEmpty(env.GEMINI_TTS_MODEL),
      },
    },
    veo: {
      // Veo runs on the Gemini API, so the Gemini key is the natural fallback.
      apiKey: nonEmpty(env.VEO_API_KEY) ?? nonEmpty(env.GEMINI_API_KEY),
      baseUrl: baseUrl('VEO_BASE_URL', env.VEO_BASE_URL ?? 'https://generativelanguage.googleapis.com'),
      models: list(env.VEO_MODELS),
    },
    runway: {
      apiKey: nonEmpty(env.RUNWAY_API_KEY),
      baseUrl: baseUrl('RUNWAY_BASE_URL', env.RUNWAY_BASE_URL ?? 'https://api.dev.runwayml.com'),
      models: list(env.RUNWAY_MODELS),
      apiVersion: nonEmpty(env.RUNWAY_API_VERSION) ?? '2024-11-06',
    },
    openai: {
      apiKey: nonEmpty(env.OPENAI_API_KEY),
      baseUrl: baseUrl('OPENAI_BASE_URL', env.OPENAI_BASE_URL ?? 'https://api.openai.com'),
      models: list(env.OPENAI_VIDEO_MODELS),
    },
    render: {
      backendUrl: env.RENDER_BACKEND_URL ? baseUrl('RENDER_BACKEND_URL', env.RENDER_BACKEND_URL) : undefined,
      backendToken: nonEmpty(env.RENDER_BACKEND_TOKEN),
    },
    stock: {
      pexels: { apiKey: nonEmpty(env.PEXELS_API_KEY), baseUrl: baseUrl('PEXELS_BASE_URL', env.PEXELS_BASE_URL ?? 'https://api.pexels.com') },
      pixabay: { apiKey: nonEmpty(env.PIXABAY_API_KEY), baseUrl: baseUrl('PIXABAY_BASE_URL', env.PIXABAY_BASE_URL ?? 'https://pixabay.com') },
    },
    localProviders: localProviders(env.LOCAL_PROVIDERS),
    limits: {
      requestsPerMinute: positiveInt('RATE_LIMIT_PER_MINUTE', env.RATE_LIMIT_PER_MINUTE, 120),
      dailyQuotaUnits: positiveInt('DAILY_QUOTA_UNITS', env.DAILY_QUOTA_UNITS, 2000),
      videoStartCost: positiveInt('VIDEO_START_COST', env.VIDEO_START_COST, 50),
      upstreamTimeoutMs: positiveInt('UPSTREAM_TIMEOUT_MS', env.UPSTREAM_TIMEOUT_MS, 60_000),
      streamIdleTimeoutMs: positiveInt('STREAM_IDLE_TIMEOUT_MS', env.STREAM_IDLE_TIMEOUT_MS, 60_000),
      authFailuresPerMinute: positiveInt('AUTH_FAILURES_PER_MINUTE', env.AUTH_FAILURES_PER_MINUTE, 10),
      shareReadsPerMinute: positiveInt('SHARE_READS_PER_MINUTE', env.SHARE_READS_PER_MINUTE, 60),
      providersPerMinute: positiveInt('PROVIDERS_PER_MINUTE', env.PROVIDERS_PER_MINUTE, 30),
    },
    shares: {
      ttlDays: positiveInt('SHARE_TTL_DAYS', env.SHARE_TTL_DAYS, 30),
      maxTtlDays: positiveInt('SHARE_MAX_TTL_DAYS', env.SHARE_MAX_TTL_DAYS, 365),
      maxBytes: positiveInt('SHARE_MAX_BYTES', env.SHARE_MAX_BYTES, 100 * 1024 * 1024),
    },
  };
}

function list(value: string | undefined): string[] {
  return (value ?? '')
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function localProviders(value: string | undefined): Set<LocalProviderId> {
  const names = list(value);
  const unknown = names.filter((n) => !(LOCAL_PROVIDER_IDS as readonly string[]).includes(n));
  if (unknown.length) throw new ConfigError(`[edge config] LOCAL_PROVIDERS may name ${LOCAL_PROVIDER_IDS.join(', ')}; got "${unknown.join(', ')}"`);
  return new Set(names as LocalProviderId[]);
}

function nonEmpty(value: string | undefined): string | undefined {
  return value && value.trim() ? value.trim() : undefined;
}

function positiveInt(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value.trim() === '') return fallback;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n <= 0) {
    throw new ConfigError(`[edge config] ${name} must be a positive integer, got "${value}"`);
  }
  return n;
}

function baseUrl(name: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`[edge config] ${name} must be an absolute http(s) URL, got "${value}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigError(`[edge config] ${name} must be an http(s) URL, got "${value}"`);
  }
  return url.toString().replace(/\/+$/, '');
}

function parseTokenEntry(entry: string): AccessTokenEntry {
  const at = entry.lastIndexOf(':');
  const label = at > 0 ? entry.slice(0, at) : '';
  const hex = (at > 0 ? entry.slice(at + 1) : entry).toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(hex)) {
    // Never echo the value: someone may have pasted a raw token instead of its hash.
    throw new ConfigError('[edge config] ACCESS_TOKEN_HASHES entries must be 64 hex digits (sha-256), optionally "label:hex"');
  }
  const hash = new Uint8Array(32);
  for (let i = 0; i < 32; i++) hash[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return { label: label || hex.slice(0, 8), hash, hashHex: hex };
}
