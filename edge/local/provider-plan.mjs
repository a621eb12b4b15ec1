// Which providers the local edge (`npm run dev`, `npm start`) sends to the real APIs and which to
// the local demo providers: a provider is real when its key is in the environment
// (GEMINI_API_KEY; Veo through VEO_API_KEY or else the Gemini key; RUNWAY_API_KEY).
import { LOCAL_PROVIDER_KEY } from './local-providers.mjs';

export const REAL_BASE_URLS = {
  gemini: 'https://generativelanguage.googleapis.com',
  veo: 'https://generativelanguage.googleapis.com',
  runway: 'https://api.dev.runwayml.com',
};

const NAMES = { gemini: 'Gemini', veo: 'Veo', runway: 'Runway' };
const STOCK_KEYS = ['PEXELS_API_KEY', 'PIXABAY_API_KEY'];

/**
 * @typedef {{ real: boolean, keyVar?: string, baseUrl?: string }} ProviderChoice
 * @param {Record<string, string | undefined>} env usually process.env; *_BASE_URL overrides where a real provider is reached
 * @returns {{
 *   providers: { gemini: ProviderChoice, veo: ProviderChoice, runway: ProviderChoice },
 *   local: string[],
 *   vars: (localUrl: string | undefined) => Record<string, string>,
 *   secrets: () => Record<string, string>,
 *   summary: string[],
 * }}
 */
export function planProviders(env) {
  const key = (name) => (env[name] && env[name].trim() ? env[name].trim() : undefined);
  const choice = (id, keyVar) => (keyVar ? { real: true, keyVar, baseUrl: key(`${id.toUpperCase()}_BASE_URL`) ?? REAL_BASE_URLS[id] } : { real: false });
  const providers = {
    gemini: choice('gemini', key('GEMINI_API_KEY') && 'GEMINI_API_KEY'),
    veo: choice('veo', (key('VEO_API_KEY') && 'VEO_API_KEY') || (key('GEMINI_API_KEY') && 'GEMINI_API_KEY')),
    runway: choice('runway', key('RUNWAY_API_KEY') && 'RUNWAY_API_KEY'),
  };
  const local = Object.entries(providers).filter(([, p]) => !p.real).map(([id]) => id);

  return {
    providers,
    local,
    /** Plain vars (no secret): where each provider is reached, and which are local. */
    vars(localUrl) {
      const out = { LOCAL_PROVIDERS: local.join(',') };
      for (const [id, p] of Object.entries(providers)) out[`${id.toUpperCase()}_BASE_URL`] = p.real ? p.baseUrl : localUrl;
      return out;
    },
    /** The keys, for an env file only wrangler reads: never printed, never on a command line. */
    secrets() {
      const out = {};
      // Each provider gets its own entry, so a local Veo never falls back to a real Gemini key.
      for (const [id, p] of Object.entries(providers)) out[`${id.toUpperCase()}_API_KEY`] = p.real ? key(p.keyVar) : LOCAL_PROVIDER_KEY;
      // Stock footage has no local stand-in: its keys pass through when set, and the edge says a key is needed otherwise.
      for (const name of STOCK_KEYS) if (key(name)) out[name] = key(name);
      return out;
    },
    summary: Object.entries(providers).map(([id, p]) =>
      p.real
        ? `${NAMES[id]}: real API at ${p.baseUrl} (key from ${p.keyVar})`
        : `${NAMES[id]}: local demo (set ${id === 'veo' ? 'GEMINI_API_KEY or VEO_API_KEY' : `${id.toUpperCase()}_API_KEY`} for the real one)`,
    ),
  };
}
