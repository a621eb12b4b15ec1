// Small HTTP helpers shared by the fake upstreams (plain node:http, no framework).

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

/** The scenario marker in a prompt: "[fake:429]" → "429", "[fake:hold:abc]" → "hold:abc". */
export function scenarioOf(text) {
  const m = /\[fake:([a-z0-9:_-]+)\]/i.exec(text ?? '');
  return m ? m[1].toLowerCase() : '';
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Lowercase alphanumeric id, like Google's operation and file ids. */
export function googleId(length = 12) {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[Math.floor(Math.random() * alphabet.length)];
  return out;
}

/** A few bytes that start like an MP4 (ftyp box), enough for fakes. */
export function fakeMp4(label) {
  const ftyp = Buffer.from([0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x69, 0x73, 0x6f, 0x6d, 0, 0, 0x02, 0, 0x69, 0x73, 0x6f, 0x6d, 0x6d, 0x70, 0x34, 0x31]);
  return Buffer.concat([ftyp, Buffer.from(`fake video ${label}`.padEnd(64, '.'))]);
}
