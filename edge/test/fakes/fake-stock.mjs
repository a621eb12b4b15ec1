// Fake stock footage APIs in their wire formats: Pexels Videos (GET /videos/search, key in the
// Authorization header, answer {page, per_page, total_results, videos: [{id, width, height,
// duration, url, image, user, video_files: [{id, quality, file_type, width, height, fps, link}]}]})
// and Pixabay Videos (GET /api/videos/?key=…&q=…, answer {total, totalHits, hits: [{id, pageURL,
// tags, duration, user, videos: {large, medium, small, tiny: {url, width, height, size, thumbnail}}}]}).
// Files are served from /stock-files/. Scenario: a query containing "[fake:429]" is rate-limited.
import { fakeMp4, scenarioOf, sendJson } from './fake-http.mjs';

export function makeFakeStock(state) {
  const words = (q) => q.toLowerCase().replace(/\[fake:[^\]]*\]/g, '').trim() || 'clip';
  const file = (provider, id, size) => `${state.url}/stock-files/${provider}/${id}-${size}.mp4`;

  function pexels(req, res, url) {
    state.counts.stockSearches = (state.counts.stockSearches ?? 0) + 1;
    if (req.headers.authorization !== state.options.pexelsKey) return sendJson(res, 401, { error: 'Unauthorized' }), true;
    const q = url.searchParams.get('query') ?? '';
    if (scenarioOf(q) === '429') return sendJson(res, 429, { error: 'Rate limit exceeded' }), true;
    const perPage = Number(url.searchParams.get('per_page') ?? 15);
    const portrait = url.searchParams.get('orientation') === 'portrait';
    const videos = Array.from({ length: Math.min(perPage, 3) }, (_, i) => {
      const id = 1000 + i;
      const [w, h] = portrait ? [1080, 1920] : [1920, 1080];
      return {
        id,
        width: w,
        height: h,
        duration: 8 + i,
        url: `https://www.pexels.com/video/${words(q).replace(/\s+/g, '-')}-${id}/`,
        image: `https://images.pexels.com/videos/${id}/pictures/preview-0.jpg`,
        user: { id: 77, name: 'Fake Filmer', url: 'https://www.pexels.com/@fake' },
        video_files: [
          { id: id * 10 + 1, quality: 'hd', file_type: 'video/mp4', width: w, height: h, fps: 25, link: file('pexels', id, '1080') },
          { id: id * 10 + 2, quality: 'hd', file_type: 'video/mp4', width: portrait ? 720 : 1280, height: portrait ? 1280 : 720, fps: 25, link: file('pexels', id, '720') },
          { id: id * 10 + 3, quality: 'sd', file_type: 'video/mp4', width: portrait ? 360 : 640, height: portrait ? 640 : 360, fps: 25, link: file('pexels', id, '360') },
        ],
      };
    });
    return sendJson(res, 200, { page: 1, per_page: perPage, total_results: videos.length, url: 'https://www.pexels.com/search/videos/', videos }), true;
  }

  function pixabay(req, res, url) {
    state.counts.stockSearches = (state.counts.stockSearches ?? 0) + 1;
    if (url.searchParams.get('key') !== state.options.pixabayKey) {
      res.writeHead(400, { 'Content-Type': 'text/plain' });
      return res.end('[ERROR 400] "key" is invalid.'), true;
    }
    const q = url.searchParams.get('q') ?? '';
    if (scenarioOf(q) === '429') {
      res.writeHead(429, { 'Content-Type': 'text/plain' });
      return res.end('[ERROR 429] Too many requests.'), true;
    }
    const perPage = Number(url.searchParams.get('per_page') ?? 20);
    if (perPage < 3 || perPage > 200) {
      res.writeHead(400, { 'Content-Type': 'text/plain' });
      return res.end(`[ERROR 400] "per_page" is out of valid range.`), true;
    }
    const hits = Array.from({ length: 3 }, (_, i) => {
      const id = 2000 + i;
      const video = (size, width, height) => ({ url: file('pixabay', id, size), width, height, size: 1000 * width, thumbnail: `https://cdn.pixabay.com/video/${id}-${size}.jpg` });
      return { id, pageURL: `https://pixabay.com/videos/${words(q).replace(/\s+/g, '-')}-${id}/`, type: 'film', tags: words(q), duration: 12 + i, user_id: 9, user: 'fakeuser', videos: { large: video('large', 1920, 1080), medium: video('medium', 1280, 720), small: video('small', 960, 540), tiny: video('tiny', 640, 360) } };
    });
    return sendJson(res, 200, { total: hits.length, totalHits: hits.length, hits }), true;
  }

  return async function handle(req, res, url) {
    if (req.method !== 'GET') return false;
    if (url.pathname === '/videos/search') return pexels(req, res, url);
    if (url.pathname === '/api/videos/') return pixabay(req, res, url);
    const m = /^\/stock-files\/(pexels|pixabay)\/([\w-]+)\.mp4$/.exec(url.pathname);
    if (m) {
      const body = fakeMp4(`${m[1]} ${m[2]}`);
      res.writeHead(200, { 'Content-Type': 'video/mp4', 'Content-Length': body.length });
      return res.end(body), true;
    }
    return false;
  };
}
