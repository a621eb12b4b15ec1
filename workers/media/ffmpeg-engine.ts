/**
 * ffmpeg.wasm inside the media worker: loaded on first use from our own origin, one job at a time
 * (the core is single-threaded and its file system is shared), every job with a time limit.
 */
import { FFmpeg } from '@ffmpeg/ffmpeg';
import { MediaError, describeError } from '../../src/core/media/index.ts';

export interface FfmpegAssets {
  /**
   * Absolute URL of the folder serving ffmpeg-core.js and ffmpeg-core.wasm (from
   * node_modules/@ffmpeg/core/dist/esm/), ending in "/". Never a CDN: the app must work offline.
   */
  coreBaseUrl: string;
  /**
   * Absolute URL of @ffmpeg/ffmpeg's dist/esm/worker.js, for bundles that cannot resolve the
   * package's own `new URL('./worker.js', import.meta.url)` (the CLI's esbuild bundle). Vite
   * resolves it by itself: leave it out there.
   */
  classWorkerUrl?: string;
}

export interface FfmpegJob {
  /** Shown in errors: the user's file name. */
  fileName: string;
  input: { name: string; data: Uint8Array };
  /** Runs in order; each entry is one ffmpeg (or ffprobe) command line. */
  commands: { tool: 'ffmpeg' | 'ffprobe'; args: string[] }[];
  /** Files to read back after the commands ran. */
  outputs: string[];
  timeoutMs: number;
}

export interface FfmpegEngine {
  run(job: FfmpegJob): Promise<Map<string, Uint8Array>>;
  /** Milliseconds the last load took (0 when already loaded). */
  readonly lastLoadMs: number;
  dispose(): void;
}

/** Last stderr lines of a failed run: ffmpeg's own words for what is wrong with the file. */
const LOG_LINES_KEPT = 6;

export function createFfmpegEngine(assets: FfmpegAssets): FfmpegEngine {
  if (!/^(https?|blob):/.test(assets.coreBaseUrl) || !assets.coreBaseUrl.endsWith('/')) {
    throw new MediaError('invalid_request', 'ffmpeg', `coreBaseUrl must be an absolute URL ending in "/", got "${assets.coreBaseUrl}"`);
  }
  let ffmpeg: FFmpeg | null = null;
  let loading: Promise<FFmpeg> | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  let log: string[] = [];
  let lastLoadMs = 0;

  const load = (): Promise<FFmpeg> => {
    loading ??= (async () => {
      const start = performance.now();
      const instance = new FFmpeg();
      instance.on('log', ({ message }) => {
        log.push(message);
        if (log.length > 200) log = log.slice(-LOG_LINES_KEPT);
      });
      try {
        await instance.load({
          coreURL: `${assets.coreBaseUrl}ffmpeg-core.js`,
          wasmURL: `${assets.coreBaseUrl}ffmpeg-core.wasm`,
          ...(assets.classWorkerUrl ? { classWorkerURL: assets.classWorkerUrl } : {}),
        });
      } catch (error) {
        instance.terminate();
        throw new MediaError('engine_unavailable', 'ffmpeg', `could not load ffmpeg.wasm from ${assets.coreBaseUrl}: ${describeError(error)}`);
      }
      ffmpeg = instance;
      lastLoadMs = performance.now() - start;
      return instance;
    })();
    // A failed load is retried on the next job instead of poisoning the worker.
    loading.catch(() => (loading = null));
    return loading;
  };

  /** A hung or timed-out core is thrown away; the next job loads a fresh one. */
  const discard = () => {
    ffmpeg?.terminate();
    ffmpeg = null;
    loading = null;
  };

  const runNow = async (job: FfmpegJob): Promise<Map<string, Uint8Array>> => {
    lastLoadMs = 0;
    const engine = await load();
    const deadline = performance.now() + job.timeoutMs;
    const remaining = () => Math.max(1, Math.round(deadline - performance.now()));
    const written = [job.input.name];
    try {
      await engine.writeFile(job.input.name, job.input.data);
      for (const { tool, args } of job.commands) {
        log = [];
        // The core's own timeout aborts a long exec; the race covers a core that stops answering.
        const code = await withDeadline(tool === 'ffprobe' ? engine.ffprobe(args, remaining()) : engine.exec(args, remaining()), remaining() + 500);
        // ffprobe in ffmpeg.wasm 0.12 exits with -1 even after writing its report: judge it by its output.
        if (code !== 0 && tool === 'ffmpeg') {
          if (performance.now() >= deadline) throw timeout(job);
          throw new MediaError(classify(log), job.fileName, `ffmpeg.wasm failed (exit ${code}): ${log.slice(-LOG_LINES_KEPT).join(' | ') || 'no message'}`);
        }
      }
      const out = new Map<string, Uint8Array>();
      for (const name of job.outputs) {
        const data = await engine.readFile(name).catch(() => null);
        if (!(data instanceof Uint8Array) || data.byteLength === 0) throw new MediaError('corrupt_or_truncated', job.fileName, `ffmpeg.wasm produced no ${name}: ${log.slice(-LOG_LINES_KEPT).join(' | ') || 'no message'}`);
        written.push(name);
        out.set(name, data);
      }
      return out;
    } catch (error) {
      if (error === DEADLINE) {
        discard();
        throw timeout(job);
      }
      throw error;
    } finally {
      if (ffmpeg === engine) for (const name of new Set([...written, ...job.outputs])) await engine.deleteFile(name).catch(() => undefined);
    }
  };

  return {
    run(job) {
      const result = queue.then(() => runNow(job));
      queue = result.catch(() => undefined);
      return result;
    },
    get lastLoadMs() {
      return lastLoadMs;
    },
    dispose: discard,
  };
}

const DEADLINE = Symbol('deadline');

function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout>;
  return Promise.race([promise, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(DEADLINE), ms)))]).finally(() => clearTimeout(timer));
}

function timeout(job: FfmpegJob) {
  return new MediaError('timeout', job.fileName, `ffmpeg.wasm did not finish within ${job.timeoutMs} ms`);
}

/** Maps ffmpeg's complaints onto our codes: what the user can act on. */
function classify(log: readonly string[]): 'unsupported_format' | 'unsupported_codec' | 'corrupt_or_truncated' | 'no_audio_track' | 'no_video_track' {
  const text = log.join('\n');
  if (/Invalid data found when processing input|could not find codec parameters|Unknown input format/i.test(text)) return 'unsupported_format';
  if (/matches no streams|Stream map '0:a/i.test(text) && /0:a/.test(text)) return 'no_audio_track';
  if (/matches no streams|Stream map '0:v/i.test(text) && /0:v/.test(text)) return 'no_video_track';
  if (/Decoder \(codec .*\) not found|Unknown decoder|no decoder/i.test(text)) return 'unsupported_codec';
  return 'corrupt_or_truncated';
}
