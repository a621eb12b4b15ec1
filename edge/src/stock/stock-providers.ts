/**
 * Stock footage search, normalised: Pexels Videos (GET /videos/search, key in Authorization) and
 * Pixabay Videos (GET /api/videos/?key=…). Each answer becomes the same list of clips, so the app
 * never sees a provider's own shape.
 */

import { STOCK_PROVIDERS, type StockClip, type StockProviderId } from '../../../src/core/edge/stock-wire';

export { STOCK_PROVIDERS, type StockClip, type StockProviderId };

export interface StockQuery {
  q: string;
  orientation?: 'landscape' | 'portrait';
  perPage: number;
}

/** The upstream request for a search (the key goes where each API wants it). */
export function searchRequest(provider: StockProviderId, baseUrl: string, apiKey: string, query: StockQuery): { url: string; headers: Record<string, string> } {
  if (provider === 'pexels') {
    const url = new URL(`${baseUrl}/videos/search`);
    url.searchParams.set('query', query.q);
    url.searchParams.set('per_page', String(query.perPage));
    if (query.orientation) url.searchParams.set('orientation', query.orientation);
    return { url: url.href, headers: { Authorization: apiKey } };
  }
  const url = new URL(`${baseUrl}/api/videos/`);
  url.searchParams.set('key', apiKey);
  url.searchParams.set('q', query.q.slice(0, 100));
  // Pixabay refuses per_page under 3.
  url.searchParams.set('per_page', String(Math.max(3, query.perPage)));
  url.searchParams.set('safesearch', 'true');
  return { url: url.href, headers: {} };
}

interface PexelsAnswer {
  videos?: { id: number; width: number; height: number; duration: number; url: string; image: string; user?: { name?: string }; video_files?: { link: string; width: number | null; height: number | null; file_type: string }[] }[];
}

interface PixabayVideo {
  url: string;
  width: number;
  height: number;
  thumbnail?: string;
}

interface PixabayAnswer {
  hits?: { id: number; pageURL: string; duration: number; user?: string; videos?: Partial<Record<'large' | 'medium' | 'small' | 'tiny', PixabayVideo>> }[];
}

/** The provider's answer as clips; entries without a usable MP4 are left out. */
export function normaliseAnswer(provider: StockProviderId, body: unknown): StockClip[] {
  if (provider === 'pexels') {
    return ((body as PexelsAnswer).videos ?? []).flatMap((v) => {
      const mp4s = (v.video_files ?? []).filter((f) => f.file_type === 'video/mp4' && f.link && f.width && f.height);
      const file = closestTo720(mp4s.map((f) => ({ url: f.link, width: f.width!, height: f.height! })));
      return file ? [{ id: String(v.id), provider, thumbnailUrl: v.image, videoUrl: file.url, width: file.width, height: file.height, durationS: v.duration, author: v.user?.name ?? '', pageUrl: v.url }] : [];
    });
  }
  return ((body as PixabayAnswer).hits ?? []).flatMap((h) => {
    const files = Object.values(h.videos ?? {}).filter((f): f is PixabayVideo => Boolean(f?.url && f.width && f.height));
    const file = closestTo720(files);
    return file ? [{ id: String(h.id), provider, thumbnailUrl: file.thumbnail ?? h.videos?.tiny?.thumbnail ?? '', videoUrl: file.url, width: file.width, height: file.height, durationS: h.duration, author: h.user ?? '', pageUrl: h.pageURL }] : [];
  });
}

function closestTo720<T extends { width: number; height: number }>(files: T[]): T | undefined {
  return [...files].sort((a, b) => Math.abs(Math.min(a.width, a.height) - 720) - Math.abs(Math.min(b.width, b.height) - 720))[0];
}

/** Hosts a provider serves its video files from; the file route fetches nothing else. */
export const FILE_HOSTS: Record<StockProviderId, RegExp> = {
  pexels: /^(videos\.pexels\.com|player\.vimeo\.com|[a-z0-9-]+\.pexels\.com)$/,
  pixabay: /^(cdn\.pixabay\.com|pixabay\.com)$/,
};
