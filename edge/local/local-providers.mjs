// The local demo providers `npm start` runs when no provider keys are given: one HTTP server that
// speaks the Gemini, Veo and Runway wire formats (shared/wire/*.md), so the edge talks to it
// exactly as it talks to Google and Runway, and that really does the job with local means
// (ffmpeg-made clips and images that follow the prompt, labelled LOCAL DEMO).
import http from 'node:http';
import { findFfmpeg } from './ffmpeg-tool.mjs';
import { makeLocalGemini } from './local-gemini.mjs';
import { makeLocalRunway } from './local-runway.mjs';
import { makeLocalVeo } from './local-veo.mjs';
import { makeMediaStore } from './media-store.mjs';
import { sendJson } from './wire-http.mjs';

/** The key the local edge sends them (they accept any): a placeholder, never a real secret. */
export const LOCAL_PROVIDER_KEY = 'director-local-demo-key';

/**
 * Starts the local providers on `host:port` (port 0 picks a free one).
 * @param {{ port?: number, host?: string }} [options]
 * @returns {Promise<{ url: string, videoMaker: { ok: boolean, message?: string }, close: () => Promise<void> }>}
 * @example
 *   const local = await startLocalProviders({ port: 8790 });
 *   // point GEMINI_BASE_URL, VEO_BASE_URL, RUNWAY_BASE_URL at local.url
 */
export async function startLocalProviders({ port = 0, host = '127.0.0.1' } = {}) {
  let url = '';
  const ctx = { url: () => url, media: makeMediaStore() };
  const handlers = [makeLocalGemini(), makeLocalVeo(ctx), makeLocalRunway(ctx)];
  const videoMaker = findFfmpeg();

  const server = http.createServer(async (req, res) => {
    const requestUrl = new URL(req.url ?? '/', 'http://local');
    try {
      if (requestUrl.pathname === '/__local/health') return sendJson(res, 200, { ok: true, videoMaker: videoMaker.ok ? { ok: true } : { ok: false, message: videoMaker.message } });
      for (const handle of handlers) if (await handle(req, res, requestUrl)) return;
      sendJson(res, 404, { error: { code: 404, message: `the local demo providers have no route for ${req.method} ${requestUrl.pathname}`, status: 'NOT_FOUND' } });
    } catch (err) {
      if (!res.headersSent) sendJson(res, 500, { error: { code: 500, message: `the local demo provider failed: ${String(err?.message).slice(0, 300)}`, status: 'INTERNAL' } });
      else res.destroy();
    }
  });
  server.keepAliveTimeout = 1000;
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  url = `http://${host}:${server.address().port}`;
  return {
    url,
    videoMaker: videoMaker.ok ? { ok: true } : { ok: false, message: videoMaker.message },
    close: async () => {
      server.closeAllConnections?.();
      await new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
