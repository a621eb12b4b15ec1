/**
 * The stock footage search as it crosses the wire between the edge and the app: the edge turns
 * Pexels' and Pixabay's own answers into these clips, the app reads them. One definition for both.
 */

export const STOCK_PROVIDERS = ['pexels', 'pixabay'] as const;
export type StockProviderId = (typeof STOCK_PROVIDERS)[number];

export interface StockClip {
  id: string;
  provider: StockProviderId;
  /** A still for the list. */
  thumbnailUrl: string;
  /** The MP4 to use (about 720p when offered), fetched through GET /api/stock/:provider/file. */
  videoUrl: string;
  width: number;
  height: number;
  durationS: number;
  author: string;
  /** The clip's page at the provider (for credit). */
  pageUrl: string;
}
