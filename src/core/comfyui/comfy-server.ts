/** A ComfyUI server the person registered in Settings → Compute. */
export interface ComfyServer {
  id: string;
  name: string;
  /** Its base URL, e.g. http://127.0.0.1:8188 (no trailing slash). */
  url: string;
  /** Sent as `Authorization` on every HTTP call, for servers behind a proxy that asks for one. */
  authorization?: string;
  paused: boolean;
  addedAt: number;
}

/**
 * A server URL as typed, made canonical, or one sentence saying what is wrong with it. Only http
 * and https: the browser calls the server directly.
 */
export function normaliseServerUrl(input: string): { ok: true; url: string } | { ok: false; message: string } {
  const text = input.trim();
  let url: URL;
  try {
    url = new URL(/^[a-z]+:\/\//i.test(text) ? text : `http://${text}`);
  } catch {
    return { ok: false, message: `"${text}" is not a server address; try http://127.0.0.1:8188.` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, message: `A ComfyUI server is reached over http or https, not ${url.protocol.replace(':', '')}.` };
  if (url.search || url.hash) return { ok: false, message: 'Give only the server address, without ? or # parts.' };
  return { ok: true, url: `${url.origin}${url.pathname.replace(/\/+$/, '')}` };
}

/** The websocket URL ComfyUI streams a client's events on. */
export const socketUrlOf = (serverUrl: string, clientId: string) => `${serverUrl.replace(/^http/, 'ws')}/ws?clientId=${encodeURIComponent(clientId)}`;
