/**
 * Host-side (page) wrapper for a Comlink worker: every call has a time limit; a worker that does
 * not answer in time, or crashes, is terminated and replaced, and the caller gets a MediaError
 * ('timeout' or 'worker_crashed') naming the file. Plain TS, no framework: usable from any page.
 */
import * as Comlink from 'comlink';
import { MediaError, mediaErrorFrom } from '../../src/core/media/media-error.ts';

type AnyFunction = (...args: never[]) => unknown;
type Methods<Api> = { [K in keyof Api]: Api[K] extends AnyFunction ? K : never }[keyof Api];

export interface SupervisedWorkerOptions<Api> {
  /** Makes a fresh worker, e.g. `() => new Worker(new URL('../media.worker.ts', import.meta.url), { type: 'module' })`. */
  create: () => Worker;
  /** Runs on every fresh worker before its first call (e.g. `api.init({ ffmpeg })`). */
  setup?: (api: Comlink.Remote<Api>) => Promise<unknown>;
  /** Used in messages: "media worker". */
  label: string;
  /** Limit for calls that do not pass their own. */
  defaultTimeoutMs: number;
}

export interface CallOptions {
  timeoutMs?: number;
  /** File the call is about, for error messages. */
  fileName?: string;
  /** Objects inside the FIRST argument to transfer instead of copy (PCM buffers, bitmaps). */
  transfer?: Transferable[];
}

export interface SupervisedWorker<Api> {
  call<K extends Methods<Api>>(method: K, args: Parameters<Extract<Api[K], AnyFunction>>, options?: CallOptions): Promise<Awaited<ReturnType<Extract<Api[K], AnyFunction>>>>;
  /** How many times a worker was replaced (timeouts and crashes). */
  readonly restarts: number;
  /** Terminates the current worker; the next call starts a new one. */
  restart(): void;
  dispose(): void;
}

interface Live<Api> {
  worker: Worker;
  api: Comlink.Remote<Api>;
  ready: Promise<unknown>;
  /** Rejects when the worker dies (uncaught error, failed script load). */
  died: Promise<never>;
  dead: boolean;
}

/**
 * @example
 * const media = createSupervisedWorker<MediaWorkerApi>({
 *   label: 'media worker',
 *   create: () => new Worker(new URL('../media.worker.ts', import.meta.url), { type: 'module' }),
 *   setup: (api) => api.init({ ffmpeg: { coreBaseUrl: new URL('/wasm/ffmpeg/', location.origin).href } }),
 *   defaultTimeoutMs: 30_000,
 * });
 * const frame = await media.call('extractFrame', [file, { at: 'last' }], { fileName: file.name });
 */
export function createSupervisedWorker<Api>(options: SupervisedWorkerOptions<Api>): SupervisedWorker<Api> {
  let live: Live<Api> | null = null;
  let restarts = 0;
  let disposed = false;

  const start = (): Live<Api> => {
    const worker = options.create();
    const api = Comlink.wrap<Api>(worker);
    let markDead = () => {};
    const died = new Promise<never>((_, reject) => {
      worker.addEventListener('error', (event) => {
        event.preventDefault?.();
        markDead();
        reject(new Error(event.message || 'the worker script failed to load or threw outside a call'));
      });
    });
    died.catch(() => undefined);
    const ready = options.setup ? options.setup(api) : Promise.resolve();
    ready.catch(() => undefined);
    const entry: Live<Api> = { worker, api, ready, died, dead: false };
    markDead = () => (entry.dead = true);
    return entry;
  };

  const stop = () => {
    if (!live) return;
    live.api[Comlink.releaseProxy]();
    live.worker.terminate();
    live = null;
  };

  return {
    async call(method, args, callOptions = {}) {
      if (disposed) throw new Error(`[${options.label}] used after dispose()`);
      const timeoutMs = callOptions.timeoutMs ?? options.defaultTimeoutMs;
      const fileName = callOptions.fileName ?? options.label;
      const current = (live ??= start());
      let timer: ReturnType<typeof setTimeout> | undefined;
      const expired = new Promise<'expired'>((resolve) => (timer = setTimeout(() => resolve('expired'), timeoutMs)));
      try {
        const work = (async () => {
          await current.ready;
          const fn = current.api[method as keyof Comlink.Remote<Api>] as unknown as (...a: unknown[]) => Promise<unknown>;
          const sent = callOptions.transfer?.length ? args.map((a, i) => (i === 0 ? Comlink.transfer(a, callOptions.transfer!) : a)) : args;
          return fn(...sent);
        })();
        const outcome = await Promise.race([work, expired, current.died]);
        if (outcome === 'expired') {
          work.catch(() => undefined);
          if (live === current) {
            stop();
            restarts++;
          }
          throw new MediaError('timeout', fileName, `${options.label} gave no answer to ${String(method)} within ${timeoutMs} ms; it was restarted`);
        }
        return outcome as never;
      } catch (error) {
        if (error instanceof MediaError) throw error;
        const media = mediaErrorFrom(error);
        if (media) throw media;
        // Not an answer from the worker's code: the worker itself failed. Replace it.
        if (live === current && current.dead) {
          stop();
          restarts++;
          throw new MediaError('worker_crashed', fileName, `${options.label} crashed during ${String(method)}: ${(error as Error).message}; it was restarted`);
        }
        throw error;
      } finally {
        clearTimeout(timer);
      }
    },
    get restarts() {
      return restarts;
    },
    restart() {
      stop();
    },
    dispose() {
      disposed = true;
      stop();
    },
  };
}
