// One local HTTP server that stands in for every paid upstream (Gemini, Veo, Runway) and for the
// render service, speaking their real wire formats (shared/wire/*.md). Used by the edge tests,
// the bench, `npm run fakes`, and later by browser e2e tests through the real edge.
//
// Scenarios are chosen by a marker in the prompt text, e.g. "[fake:429]", "[fake:500]",
// "[fake:hang]", "[fake:cut]", "[fake:stall]", "[fake:hold:<id>]", "[fake:function-call]",
// "[fake:blocked]", "[fake:echo-key]", "[fake:delay:<ms>]" (Gemini); "[fake:rai]", "[fake:fail]", "[fake:polls:N]", "[fake:late:<ms>]",
// "[fake:429]" (Veo); "[fake:fail]", "[fake:safety]", "[fake:429]" (Runway); "[fake:429]" in a stock query (Pexels, Pixabay);
// "[fake:429]", "[fake:quota]", "[fake:moderation]" (OpenAI video).
//
// Control endpoints (no auth): GET /__fake/counts, GET /__fake/requests (method, path, query and
// headers of every upstream request, to check how keys travel), POST /__fake/release/<holdId>, POST /__fake/reset,
// POST /__fake/gemini-script {turns: [[part, …], …]} (model turns served in order, e.g. function calls),
// POST /__fake/veo-heal (operations of the 'fail' scenario succeed from then on).
import http from 'node:http';
import { readJson, sendJson } from './fake-http.mjs';
import { makeFakeGemini } from './fake-gemini.mjs';
import { makeFakeRenderBackend } from './fake-render-backend.mjs';
import { makeFakeOpenAiVideo } from './fake-openai-video.mjs';
import { makeFakeRunway } from './fake-runway.mjs';
import { makeFakeVeo } from './fake-veo.mjs';
import { makeFakeStock } from './fake-stock.mjs';

export const FAKE_DEFAULTS = {
  /** Keys the fake Gemini/Veo accept: the server key, and one "user" key. */
  geminiKeys: ['fake-gemini-server-key-7Qx2Lm9Rt4Vb', 'fake-gemini-user-key-Hn3Ks8Pw1Zc6'],
  runwayKey: 'key_fake0runway0secret0d41d8cd98f00b204e9800998ecf8427e',
  openaiKey: 'sk-fake0openai0video0secret0a1b2c3d4e5f',
  /** Keys shaped like real ones (Google "AIza…" 39 chars, Runway "key_" + 128 hex), also accepted. */
  realLookingKeys: {
    gemini: 'AIzaSyD4x9Qm2LkT7vRw3NcBh8JpZs5Ye1UfGo0',
    runway: `key_${'3f0c9a7e1b5d2c84'.repeat(8)}`,
  },
  renderToken: 'fake-render-service-token-5f2b',
  /** Stock footage keys (Pexels: Authorization header; Pixabay: ?key=). */
  pexelsKey: 'fake-pexels-key-Lq8Wn2Vz5Rt0Yc3Hd6Ms9Xb1',
  pixabayKey: '12345678-fakepixabay0key0a1b2c3d4e5',
  /** Veo operations report done after this many polls. */
  veoPollsUntilDone: 1,
  runwayPollsUntilDone: 2,
  openaiPollsUntilDone: 2,
  /** Pause between default stream events. */
  streamDelayMs: 15,
};

function freshCounts() {
  return {
    requests: 0,
    gemini: {},
    geminiKeysSeen: {},
    lastGeminiKey: null,
    veoStarts: 0,
    veoStartsByPrompt: {},
    veoPolls: 0,
    veoDownloads: 0,
    keyOnRedirectedDownload: 0,
    runwayStarts: 0,
    runwayCancels: 0,
    authOnRunwayOutput: 0,
    renderStarts: 0,
    openaiStarts: 0,
    openaiDownloads: 0,
    openaiReferenceBytes: 0,
  };
}

/**
 * Starts the fakes on 127.0.0.1.
 * @param {{port?: number} & Partial<typeof FAKE_DEFAULTS>} [options]
 * @returns {Promise<{url: string, counts: ReturnType<typeof freshCounts>, streams: object, options: typeof FAKE_DEFAULTS, release: (id: string) => boolean, reset: () => void, close: () => Promise<void>}>}
 * @example
 *   const fakes = await startFakeUpstreams({ port: 0 });
 *   // point GEMINI_BASE_URL, VEO_BASE_URL, RUNWAY_BASE_URL, RENDER_BACKEND_URL at fakes.url
 *   await fakes.close();
 */
export async function startFakeUpstreams({ port = 0, ...overrides } = {}) {
  const state = {
    options: { ...FAKE_DEFAULTS, ...overrides },
    url: '',
    counts: freshCounts(),
    /** Held streams: id → {firstSent, lastSent}. */
    streams: {},
    holds: new Map(),
    hanging: new Set(),
    /** Scripted Gemini turns (arrays of parts), served in order before the built-in answers. */
    geminiScript: [],
    /** Every request to a provider route: how keys arrived (tests read it; the fakes are local). */
    requestLog: [],
  };
  const handlers = [makeFakeGemini(state), makeFakeVeo(state), makeFakeRunway(state), makeFakeOpenAiVideo(state), makeFakeRenderBackend(state), makeFakeStock(state)];

  const release = (id) => {
    const resolve = state.holds.get(id);
    state.holds.delete(id);
    resolve?.();
    return Boolean(resolve);
  };
  const reset = () => {
    Object.assign(state.counts, freshCounts());
    state.streams = {};
    state.veoHealed = false;
  };

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    state.counts.requests += 1;
    try {
      if (url.pathname === '/__fake/counts') return sendJson(res, 200, { ...state.counts, streams: state.streams });
      if (url.pathname === '/__fake/requests') return sendJson(res, 200, state.requestLog);
      if (url.pathname.startsWith('/__fake/release/') && req.method === 'POST') {
        return sendJson(res, 200, { released: release(decodeURIComponent(url.pathname.slice('/__fake/release/'.length))) });
      }
      if (url.pathname === '/__fake/reset' && req.method === 'POST') return reset(), sendJson(res, 200, { ok: true });
      if (url.pathname === '/__fake/veo-heal' && req.method === 'POST') return (state.veoHealed = true), sendJson(res, 200, { healed: true });
      if (url.pathname === '/__fake/gemini-script' && req.method === 'POST') {
        const body = await readJson(req);
        state.geminiScript = Array.isArray(body?.turns) ? body.turns : [];
        return sendJson(res, 200, { queued: state.geminiScript.length });
      }
      if (state.requestLog.length >= 5000) state.requestLog.splice(0, 1000);
      state.requestLog.push({ method: req.method, path: url.pathname, query: url.search, headers: { ...req.headers } });
      for (const handle of handlers) if (await handle(req, res, url)) return;
      sendJson(res, 404, { error: { code: 404, message: `fake upstream has no route for ${req.method} ${url.pathname}`, status: 'NOT_FOUND' } });
    } catch (err) {
      if (!res.headersSent) sendJson(res, 500, { error: { code: 500, message: `fake upstream crashed: ${err?.message}`, status: 'INTERNAL' } });
      else res.destroy();
    }
  });
  server.keepAliveTimeout = 1000;

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  state.url = `http://127.0.0.1:${server.address().port}`;

  return {
    url: state.url,
    get counts() {
      return state.counts;
    },
    get streams() {
      return state.streams;
    },
    options: state.options,
    release,
    reset,
    close: async () => {
      for (const resolve of state.holds.values()) resolve();
      for (const res of state.hanging) res.destroy();
      server.closeAllConnections?.();
      await new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
