import { makeCancelSignal, openBrowser, renderMedia, selectComposition } from '@remotion/renderer';
import type { RenderRequest } from '../contract/render-request.js';

export interface ChromiumRenderOptions {
  serveUrl: string;
  request: RenderRequest;
  outputPath: string;
  browserExecutable: string;
  concurrency: number;
  frameTimeoutMs: number;
  licenseKey: string | null;
  signal: AbortSignal;
  onComposition?(frames: number): void;
  onProgress?(p: { progress: number; renderedFrames: number; encoding: boolean }): void;
}

export class CompositionNotFoundError extends Error {
  override name = 'CompositionNotFoundError';
}

/**
 * selectComposition + renderMedia with the machine's Chromium. The
 * composition is rendered at the requested size and fps (like Lambda's forceWidth/forceHeight),
 * so a project made for one size can be exported at another.
 */
export async function renderWithChromium(o: ChromiumRenderOptions): Promise<{ frames: number }> {
  // Without these Remotion downloads Chrome Headless Shell, which fails offline.
  const browserOptions = { browserExecutable: o.browserExecutable, chromeMode: 'chrome-for-testing' as const, logLevel: 'error' as const };
  const { request } = o;
  // selectComposition gets a browser of its own: closing a shared one right after it failed
  // (an unknown composition) left a protocol call of Remotion's rejected with no handler.
  const composition = await selectComposition({
    ...browserOptions,
    serveUrl: o.serveUrl,
    id: request.composition,
    inputProps: request.inputProps,
    timeoutInMilliseconds: o.frameTimeoutMs,
  }).catch((err: Error) => {
    if (/Could not find composition/i.test(err.message)) throw new CompositionNotFoundError(err.message);
    throw err;
  });
  o.signal.throwIfAborted();
  const browser = await openBrowser('chrome', browserOptions);
  const { cancelSignal, cancel } = makeCancelSignal();
  const onAbort = () => cancel();
  o.signal.addEventListener('abort', onAbort, { once: true });
  try {
    const sized = { ...composition, width: request.width, height: request.height, fps: request.fps ?? composition.fps };
    const [first, last] = request.frameRange ?? [0, sized.durationInFrames - 1];
    const frames = Math.max(0, Math.min(last, sized.durationInFrames - 1) - first + 1);
    o.onComposition?.(frames);
    await renderMedia({
      ...browserOptions,
      serveUrl: o.serveUrl,
      composition: sized,
      inputProps: request.inputProps,
      codec: request.codec,
      frameRange: request.frameRange ?? null,
      outputLocation: o.outputPath,
      overwrite: true,
      concurrency: o.concurrency,
      puppeteerInstance: browser,
      cancelSignal,
      timeoutInMilliseconds: o.frameTimeoutMs,
      // null: no usage event (it needs the network); set REMOTION_LICENSE_KEY to report usage.
      licenseKey: o.licenseKey,
      onProgress: (p) => o.onProgress?.({ progress: p.progress, renderedFrames: p.renderedFrames, encoding: p.renderedFrames >= frames }),
    });
    return { frames };
  } finally {
    o.signal.removeEventListener('abort', onAbort);
    await browser.close({ silent: true }).catch(() => undefined);
  }
}
