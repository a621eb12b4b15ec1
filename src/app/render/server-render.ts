import { blobToBase64 } from '../../core/util/base64';
import { fileStamp } from '../../core/util/format';
import { findEntry } from '../../core/bundler/find-entry';
import type { CompositionInfo } from '../../core/preview/sandbox-protocol';
import type { RenderRecord } from '../../core/render/render-record';
import { newId } from '../../core/util/ids';
import { addAsset, listAssets } from '../../db/assets-repo';
import { listFiles } from '../../db/files-repo';
import { getRender, listRenders, saveRender, updateRender } from '../../db/renders-repo';
import { db } from '../db';
import { edgeApi } from '../edge/edge-api';
import { EdgeCallError } from '../edge/edge-client';
import type { RenderRequestBody } from '../../core/contracts/render-request';
import type { RenderView } from '../../core/contracts/render-view';

const POLL_MS = 1000;
const polling = new Map<string, Promise<void>>();


/**
 * Sends the project (sources, the assets it can use, props) to the edge's render service for a
 * full-resolution render, records it, and follows it to the end. The record keeps the remote id,
 * so a reload picks the tracking up again (`resumeServerRenders`).
 */
export async function startServerRender(projectId: string, comp: CompositionInfo, inputProps: Record<string, unknown>, container: 'mp4' | 'webm'): Promise<RenderRecord> {
  const files = Object.fromEntries((await listFiles(db, projectId)).map((f) => [f.path, f.content]));
  const entry = findEntry(new Map(Object.entries(files)));
  if (!entry) throw new Error('The project has no entry point (src/index.ts calling registerRoot).');
  // Director's own files (thumbnails, earlier exports) are not the project's assets.
  const assets = (await listAssets(db, projectId)).filter((a) => !a.name.startsWith('.director/') && !a.name.startsWith('renders/'));
  const body: RenderRequestBody = {
    source: { entry, files },
    assets: await Promise.all(assets.map(async (a) => ({ path: a.name, mimeType: a.type, data: await blobToBase64(a.blob) }))),
    composition: comp.id,
    inputProps,
    codec: container === 'webm' ? 'vp9' : 'h264',
    width: comp.width,
    height: comp.height,
    fps: comp.fps,
  };
  const response = await (await edgeApi()).renders.$post({ json: body });
  const { render } = await response.json();
  const record: RenderRecord = {
    id: newId(),
    projectId,
    compositionId: comp.id,
    where: 'server',
    remoteId: render.id,
    container,
    state: 'rendering',
    progress: render.progress ?? 0,
    stage: render.stage ?? render.status,
    width: comp.width,
    height: comp.height,
    frames: comp.durationInFrames,
    createdAt: Date.now(),
  };
  await saveRender(db, record);
  void followServerRender(record);
  return record;
}

/** Picks up server renders that were still running when the page was closed. */
export async function resumeServerRenders(projectId: string): Promise<void> {
  for (const r of await listRenders(db, projectId)) if (r.where === 'server' && r.state === 'rendering') void followServerRender(r);
}

export async function cancelServerRender(record: RenderRecord): Promise<void> {
  await (await edgeApi()).renders[':id'].$delete({ param: { id: record.remoteId as string } }).catch(() => undefined);
  await updateRender(db, record.id, { state: 'cancelled', finishedAt: Date.now() });
}

/** Polls one render until it ends; on success stores the file as a project asset. One poller per render. */
export function followServerRender(record: RenderRecord): Promise<void> {
  const remoteId = record.remoteId as string;
  let running = polling.get(remoteId);
  if (!running) {
    running = poll(record).finally(() => polling.delete(remoteId));
    polling.set(remoteId, running);
  }
  return running;
}

async function poll(record: RenderRecord): Promise<void> {
  const remoteId = record.remoteId as string;
  const started = record.createdAt;
  for (;;) {
    const current = await getRender(db, record.id);
    if (!current || current.state !== 'rendering') return; // cancelled or finished elsewhere (another tab)
    let remote: RenderView;
    try {
      remote = (await (await (await edgeApi()).renders[':id'].$get({ param: { id: remoteId } })).json()).render;
    } catch (e) {
      if (e instanceof EdgeCallError && (e.status === 404 || e.status === 410)) {
        await updateRender(db, record.id, { state: 'failed', error: 'The render service no longer knows this render (it may have restarted).', finishedAt: Date.now() });
        return;
      }
      // Offline or a hiccup: keep the record and try again, saying what is wrong meanwhile.
      if (e instanceof EdgeCallError) await updateRender(db, record.id, { stage: `waiting: ${e.message}` });
      await sleep(POLL_MS * 3);
      continue;
    }
    if (remote.status === 'done') {
      const file = await (await (await edgeApi()).renders[':id'].file.$get({ param: { id: remoteId } })).blob();
      const type = record.container === 'webm' ? 'video/webm' : 'video/mp4';
      const stamp = fileStamp();
      const asset = await addAsset(db, record.projectId, `renders/${record.compositionId}-server-${stamp}.${record.container}`, new Blob([file], { type }));
      await updateRender(db, record.id, { state: 'done', progress: 1, assetId: asset.id, bytes: file.size, ms: Date.now() - started, finishedAt: Date.now() });
      return;
    }
    if (remote.status === 'failed' || remote.status === 'cancelled') {
      const where = remote.error?.file ? ` (${remote.error.file}:${remote.error.line ?? 0}:${remote.error.column ?? 0})` : '';
      await updateRender(db, record.id, { state: remote.status, error: remote.error ? `${remote.error.message}${where}` : undefined, finishedAt: Date.now() });
      return;
    }
    await updateRender(db, record.id, { progress: remote.progress, stage: remote.stage ?? remote.status });
    await sleep(POLL_MS);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
