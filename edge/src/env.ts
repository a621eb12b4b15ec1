import type { TokenLimiter } from './limits/token-limiter';

/** Bindings, vars and secrets the Worker receives (see wrangler.toml). Every var is a string. */
export interface Env {
  TOKEN_LIMITER: DurableObjectNamespace<TokenLimiter>;
  SHARES_BUCKET: R2Bucket;
  DB: D1Database;

  ALLOWED_ORIGINS?: string;
  ACCESS_TOKEN_HASHES?: string;

  GEMINI_API_KEY?: string;
  GEMINI_BASE_URL?: string;
  GEMINI_MODELS?: string;
  GEMINI_TEXT_MODEL?: string;
  GEMINI_IMAGE_MODEL?: string;
  GEMINI_TTS_MODEL?: string;

  VEO_API_KEY?: string;
  VEO_BASE_URL?: string;
  VEO_MODELS?: string;

  RUNWAY_API_KEY?: string;
  RUNWAY_BASE_URL?: string;
  RUNWAY_MODELS?: string;
  RUNWAY_API_VERSION?: string;
  /** OpenAI secret (sk-…) for Sora video; held here like the Gemini and Runway keys. */
  OPENAI_API_KEY?: string;
  OPENAI_BASE_URL?: string;
  OPENAI_VIDEO_MODELS?: string;

  /** Stock footage search (Auto-pilot's visuals): keys held here like Gemini's. */
  PEXELS_API_KEY?: string;
  PEXELS_BASE_URL?: string;
  PIXABAY_API_KEY?: string;
  PIXABAY_BASE_URL?: string;

  /** Providers answered by `npm start`'s local demo server (e.g. "gemini,veo,runway"), reported as `local` by /api/providers. */
  LOCAL_PROVIDERS?: string;

  RENDER_BACKEND_URL?: string;
  RENDER_BACKEND_TOKEN?: string;

  RATE_LIMIT_PER_MINUTE?: string;
  DAILY_QUOTA_UNITS?: string;
  VIDEO_START_COST?: string;
  UPSTREAM_TIMEOUT_MS?: string;
  STREAM_IDLE_TIMEOUT_MS?: string;
  AUTH_FAILURES_PER_MINUTE?: string;
  SHARE_READS_PER_MINUTE?: string;
  PROVIDERS_PER_MINUTE?: string;
  SHARE_TTL_DAYS?: string;
  SHARE_MAX_TTL_DAYS?: string;
  SHARE_MAX_BYTES?: string;
}
