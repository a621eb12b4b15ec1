import type { Context } from 'hono';
import { getConfig } from '../config/edge-config';
import type { Env } from '../env';
import { EdgeError } from '../http/edge-error';

/** Header a user sends their own Gemini key in; it then replaces the server key for that request. */
export const USER_KEY_HEADER = 'X-Director-Gemini-Key';

export interface ChosenKey {
  key: string;
  userKey: boolean;
}

/** The user's key when they sent one (validated), else the server's; 501 when neither exists. */
export function chooseGeminiKey(c: Context<{ Bindings: Env }>): ChosenKey {
  const user = c.req.header(USER_KEY_HEADER)?.trim();
  if (user) {
    if (!/^[A-Za-z0-9_\-.]{20,200}$/.test(user)) {
      throw new EdgeError('invalid_argument', `${USER_KEY_HEADER} does not look like a Gemini API key`, { field: USER_KEY_HEADER });
    }
    return { key: user, userKey: true };
  }
  const server = getConfig(c.env).gemini.apiKey;
  if (!server) throw new EdgeError('not_configured', `this edge has no GEMINI_API_KEY; send your own key in ${USER_KEY_HEADER}`);
  return { key: server, userKey: false };
}

/** True when the request carries a user key: their calls cost no edge quota. */
export function hasUserKey(c: Context): boolean {
  return Boolean(c.req.header(USER_KEY_HEADER)?.trim());
}
