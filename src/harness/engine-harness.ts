/**
 * A page without the app around it that exposes the in-browser engine (the same sandbox, runtime
 * and web renderer the app uses) to automation: the `director still` and `director render`
 * commands drive it in headless Chromium.
 */
import * as Comlink from 'comlink';
import { blobToBase64 } from '../core/util/base64';
import type { CompositionInfo } from '../core/preview/sandbox-protocol';
import type { VisionWorkerApi } from '../../workers/vision.worker';
import { makeSandboxHost } from '../app/preview/sandbox-host';
import { runAutopilotInPage, type PageAutopilotArgs } from './autopilot-in-page';

const host = makeSandboxHost(document.getElementById('stage')!);

async function load(code: string, assets: { name: string; bytes: Uint8Array; type: string }[]): Promise<CompositionInfo[]> {
  return host.load(
    code,
    assets.map((a) => ({ name: a.name, blob: new Blob([a.bytes as Uint8Array<ArrayBuffer>], { type: a.type }) })),
  );
}


let vision: Comlink.Remote<VisionWorkerApi> | null = null;

const harness = {
  ready: host.ready,
  /** Faces in an image, with the app's vision worker (MediaPipe detector + ONNX embedder). */
  async faces(bytes: number[], type: string) {
    vision ??= Comlink.wrap<VisionWorkerApi>(new Worker(new URL('../../workers/vision.worker.ts', import.meta.url), { type: 'module', name: 'vision' }));
    const bitmap = await createImageBitmap(new Blob([new Uint8Array(bytes)], { type }));
    const result = await vision.analyze(Comlink.transfer(bitmap, [bitmap]));
    return { width: result.width, height: result.height, issues: result.issues, faces: result.faces.map((f) => ({ box: f.box.map((v) => Math.round(v)), score: Math.round(f.score * 1000) / 1000, embedding: f.embedding ? Array.from(f.embedding, (v) => Math.round(v * 1e6) / 1e6) : null, issues: f.issues })) };
  },
  load,
  /** `director autopilot`: the app's Auto-pilot on a fresh project in this page's IndexedDB. */
  autopilot: (args: PageAutopilotArgs) => runAutopilotInPage(args),
  /** The runtime's compatibility warnings for the loaded project (remote media, fonts offline). */
  warnings: () => host.warnings(),
  async still(compositionId: string, props: Record<string, unknown>, frame: number) {
    return blobToBase64(await host.still(compositionId, props, frame));
  },
  async render(compositionId: string, props: Record<string, unknown>, container: 'mp4' | 'webm', frameRange?: [number, number]) {
    const job = host.render(compositionId, props, container, (p) => ((window as unknown as { lastProgress: number }).lastProgress = p.progress), frameRange);
    return blobToBase64(await job.promise);
  },
};

(window as unknown as { directorEngine: typeof harness }).directorEngine = harness;
