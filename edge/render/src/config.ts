import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';

/** Token accepted in development only: the edge's `npm run dev` uses the same default. */
export const DEV_TOKEN = 'director-dev-render-token';

const int = (min: number) => z.coerce.number().int().min(min);

const envSchema = z.object({
  NODE_ENV: z.string().default('development'),
  RENDER_PORT: int(0).max(65535).default(8788),
  RENDER_HOST: z.string().default('127.0.0.1'),
  RENDER_BACKEND_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  RENDER_BACKEND: z.enum(['local', 'lambda']).default('local'),
  RENDER_WORK_DIR: z.string().optional(),
  RENDER_BROWSER_EXECUTABLE: z.string().default('/usr/bin/chromium'),
  RENDER_CONCURRENCY: int(1).default(1),
  RENDER_CORES: int(1).optional(),
  RENDER_CORES_PER_RENDER: int(1).default(2),
  RENDER_OUTPUT_TTL_SECONDS: int(1).default(24 * 3600),
  RENDER_FETCHED_GRACE_SECONDS: int(0).default(600),
  RENDER_BUNDLE_CACHE_MAX: int(1).default(20),
  RENDER_FRAME_TIMEOUT_MS: int(1000).default(30_000),
  RENDER_MAX_BODY_BYTES: int(1024).default(110 * 1024 * 1024),
  RENDER_ASSET_MAX_BYTES: int(1024).default(200 * 1024 * 1024),
  RENDER_ASSET_FETCH_TIMEOUT_MS: int(100).default(30_000),
  RENDER_GOOGLE_FONTS: z.enum(['auto', 'local']).default('auto'),
  RENDER_LOG: z.enum(['info', 'warn', 'silent']).default('info'),
  REMOTION_LICENSE_KEY: z.string().optional(),
  REMOTION_LAMBDA_REGION: z.string().optional(),
  REMOTION_LAMBDA_FUNCTION: z.string().optional(),
  REMOTION_LAMBDA_BUCKET: z.string().optional(),
  REMOTION_LAMBDA_FRAMES_PER_LAMBDA: int(4).optional(),
});

export interface LambdaConfig {
  region: string;
  functionName: string;
  /** Empty: getOrCreateBucket() picks (or creates) the account's Remotion bucket in the region. */
  bucketName: string | undefined;
  framesPerLambda: number | undefined;
}

export interface ServiceConfig {
  port: number;
  host: string;
  token: string;
  backend: 'local' | 'lambda';
  /** Holds the bundling workspace, cached bundles and finished renders. */
  workDir: string;
  browserExecutable: string;
  /** renderMedia's concurrency (browser tabs per render); 1 is fastest on 2 cores. */
  concurrency: number;
  /** How many renders run at once: the core budget divided by the cores one render keeps busy. */
  parallelRenders: number;
  outputTtlMs: number;
  fetchedGraceMs: number;
  bundleCacheMax: number;
  frameTimeoutMs: number;
  maxBodyBytes: number;
  assetMaxBytes: number;
  assetFetchTimeoutMs: number;
  googleFonts: 'auto' | 'local';
  log: 'info' | 'warn' | 'silent';
  licenseKey: string | null;
  lambda: LambdaConfig | null;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads the service configuration from environment variables (names in README.md). */
export function loadConfig(env: Record<string, string | undefined> = process.env): ServiceConfig {
  const parsed = envSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== '')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`${String(issue.path[0])}: ${issue.message}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  if (!e.RENDER_BACKEND_TOKEN && production) throw new ConfigError('RENDER_BACKEND_TOKEN must be set when NODE_ENV=production');
  if (e.RENDER_BACKEND_TOKEN === DEV_TOKEN && production) throw new ConfigError('RENDER_BACKEND_TOKEN must not be the development token in production');
  const cores = e.RENDER_CORES ?? os.availableParallelism();
  let lambda: LambdaConfig | null = null;
  if (e.RENDER_BACKEND === 'lambda') {
    if (!e.REMOTION_LAMBDA_REGION) throw new ConfigError('REMOTION_LAMBDA_REGION is required for RENDER_BACKEND=lambda');
    if (!e.REMOTION_LAMBDA_FUNCTION) throw new ConfigError('REMOTION_LAMBDA_FUNCTION is required for RENDER_BACKEND=lambda');
    lambda = {
      region: e.REMOTION_LAMBDA_REGION,
      functionName: e.REMOTION_LAMBDA_FUNCTION,
      bucketName: e.REMOTION_LAMBDA_BUCKET,
      framesPerLambda: e.REMOTION_LAMBDA_FRAMES_PER_LAMBDA,
    };
  }
  return {
    port: e.RENDER_PORT,
    host: e.RENDER_HOST,
    token: e.RENDER_BACKEND_TOKEN ?? DEV_TOKEN,
    backend: e.RENDER_BACKEND,
    workDir: path.resolve(e.RENDER_WORK_DIR ?? path.join(os.tmpdir(), 'director-render')),
    browserExecutable: e.RENDER_BROWSER_EXECUTABLE,
    concurrency: e.RENDER_CONCURRENCY,
    parallelRenders: Math.max(1, Math.floor(cores / e.RENDER_CORES_PER_RENDER)),
    outputTtlMs: e.RENDER_OUTPUT_TTL_SECONDS * 1000,
    fetchedGraceMs: e.RENDER_FETCHED_GRACE_SECONDS * 1000,
    bundleCacheMax: e.RENDER_BUNDLE_CACHE_MAX,
    frameTimeoutMs: e.RENDER_FRAME_TIMEOUT_MS,
    maxBodyBytes: e.RENDER_MAX_BODY_BYTES,
    assetMaxBytes: e.RENDER_ASSET_MAX_BYTES,
    assetFetchTimeoutMs: e.RENDER_ASSET_FETCH_TIMEOUT_MS,
    googleFonts: e.RENDER_GOOGLE_FONTS,
    log: e.RENDER_LOG,
    licenseKey: e.REMOTION_LICENSE_KEY ?? null,
    lambda,
  };
}
