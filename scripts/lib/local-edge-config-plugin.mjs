// A vite preview plugin for `npm start` only: serves /director-local.json, which tells a fresh
// browser profile where the local edge is and its development token. Never part of the build:
// a deployed app has no such file.

/**
 * @param {{ edgeUrl: string, accessToken: string }} config
 * @returns {import('vite').Plugin}
 */
export function localEdgeConfigPlugin({ edgeUrl, accessToken }) {
  const body = JSON.stringify({ edgeUrl, accessToken, local: true });
  return {
    name: 'director-local-edge-config',
    configurePreviewServer(server) {
      server.middlewares.use('/director-local.json', (req, res, next) => {
        if (req.method !== 'GET' && req.method !== 'HEAD') return next();
        res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', 'Content-Length': Buffer.byteLength(body) });
        res.end(req.method === 'HEAD' ? undefined : body);
      });
    },
  };
}
