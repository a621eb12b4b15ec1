import type { Asset } from '../../core/project/records';
import { addAsset } from '../../db/assets-repo';
import type { DirectorDb } from '../../db/database';
import { checkUpload } from '../assets/check-upload';
import { edgeApi } from '../edge/edge-api';
import { STOCK_PROVIDERS, type StockClip, type StockProviderId } from '../../core/edge/stock-wire';

export { STOCK_PROVIDERS, type StockClip };
export type StockProvider = StockProviderId;

/** Stock footage for `query` from one provider, through the edge (which holds the key). */
export async function searchStock(provider: StockProvider, query: string, opts: { orientation?: 'landscape' | 'portrait'; perPage?: number; signal?: AbortSignal } = {}): Promise<StockClip[]> {
  const query_ = { q: query.slice(0, 200), perPage: String(opts.perPage ?? 6), ...(opts.orientation ? { orientation: opts.orientation } : {}) };
  const response = await (await edgeApi()).stock[':provider'].search.$get({ param: { provider }, query: query_ }, opts.signal ? { init: { signal: opts.signal } } : {});
  return (await response.json()).results;
}

/** Downloads a stock clip through the edge into the project's assets (checked like any upload). */
export async function importStockClip(db: DirectorDb, projectId: string, clip: StockClip, signal?: AbortSignal): Promise<Asset> {
  const response = await (await edgeApi()).stock[':provider'].file.$get({ param: { provider: clip.provider }, query: { url: clip.videoUrl } }, signal ? { init: { signal } } : {});
  const name = `stock/${clip.provider}-${clip.id}.mp4`;
  const checked = await checkUpload(new File([await response.blob()], name, { type: 'video/mp4' }));
  if (!checked.ok) throw new Error(`The ${clip.provider} clip ${clip.id} is not a usable video: ${checked.reason}`);
  return addAsset(db, projectId, name, checked.blob);
}
