// Small HTTP helpers shared by the fake upstreams (plain node:http, no framework); the wire-format
// ones live with the local providers, which are product code.
export { googleError, googleId, readBody, readJson, sendGoogleJson, sendJson } from '../../local/wire-http.mjs';

/** The scenario marker in a prompt: "[fake:429]" → "429", "[fake:hold:abc]" → "hold:abc". */
export function scenarioOf(text) {
  const m = /\[fake:([a-z0-9:_-]+)\]/i.exec(text ?? '');
  return m ? m[1].toLowerCase() : '';
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A few bytes that start like an MP4 (ftyp box), enough for fakes. */
export function fakeMp4(label) {
  const ftyp = Buffer.from([0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x69, 0x73, 0x6f, 0x6d, 0, 0, 0x02, 0, 0x69, 0x73, 0x6f, 0x6d, 0x6d, 0x70, 0x34, 0x31]);
  return Buffer.concat([ftyp, Buffer.from(`fake video ${label}`.padEnd(64, '.'))]);
}
