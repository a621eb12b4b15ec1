// Small HTTP helpers for servers that speak the providers' wire formats (plain node:http): the
// local demo providers of `npm start`, and the test fakes (edge/test/fakes), which reuse them.

/** Reads the whole request body as a Buffer. */
export async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** Parses a JSON body; returns undefined when it is not JSON. */
export async function readJson(req) {
  const body = await readBody(req);
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
}

/** Google pretty-prints unary JSON with 2 spaces and a trailing newline (gemini.md §1). */
export function sendGoogleJson(res, status, value, headers = {}) {
  const body = JSON.stringify(value, null, 2) + '\n';
  res.writeHead(status, { 'Content-Type': 'application/json; charset=UTF-8', 'Content-Length': Buffer.byteLength(body), ...headers });
  res.end(body);
}

export function sendJson(res, status, value, headers = {}) {
  const body = JSON.stringify(value);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), ...headers });
  res.end(body);
}

/** A Google error body (gemini.md §10). */
export function googleError(res, code, status, message, details) {
  sendGoogleJson(res, code, { error: { code, message, status, ...(details ? { details } : {}) } });
}

/** Lowercase alphanumeric id, like Google's operation and file ids. */
export function googleId(length = 12) {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[Math.floor(Math.random() * alphabet.length)];
  return out;
}

/** Google refuses callers without a key (gemini.md §1); any key is fine locally. */
export function hasGoogleKey(req, url, res) {
  if (req.headers['x-goog-api-key'] || url.searchParams.get('key')) return true;
  googleError(res, 403, 'PERMISSION_DENIED', "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.");
  return false;
}
