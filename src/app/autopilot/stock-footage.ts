import type { Asset } from '../../core/project/records';
import { addAsset } from '../../db/assets-repo';
import type { DirectorDb } from '../../db/database';
import { checkUpload } from '../assets/check-upload';
import { callEdge } from '../edge/edge-client';
import { STOCK_PROVIDERS, type StockClip, type StockProviderId } from '../../core/edge/stock-wire';

export { STOCK_PROVIDERS, type StockClip };
export type StockProvider = StockProviderId;

/** Stock footage for `query` from one provider, through the edge (which holds the key). */
export async function searchStock(provider: StockProvider, query: string, opts: { orientation?: 'landscape' | 'portrait'; perPage?: number; signal?: AbortSignal } = {}): Promise<StockClip[]> {
  const params = new URLSearchParams({ q: query.slice(0, 200), perPage: String(opts.perPage ?? 6), ...(opts.orientation ? { orientation: opts.orientation } : {}) });
  const response = await callEdge(`/api/stock/${provider}/search?${params}`, opts.signal ? { signal: opts.signal } : {});
  return ((await response.json()) as { results: StockClip[] }).results;
}

/** Downloads a stock clip through the edge into the project's assets (checked like any upload). */
export async function importStockClip(db: DirectorDb, projectId: string, clip: StockClip, signal?: AbortSignal): Promise<Asset> {
  const response = await callEdge(`/api/stock/${clip.provider}/file?${new URLSearchParams({ url: clip.videoUrl })}`, signal ? { signal } : {});
  const name = `stock/${clip.provider}-${clip.id}.mp4`;
  const checked = await checkUpload(new File([await response.blob()], name, { type: 'video/mp4' }));
  if (!checked.ok) throw new Error(`The ${clip.provider} clip ${clip.id} is not a usable video: ${checked.reason}`);
  return addAsset(db, projectId, name, checked.blob);
}
