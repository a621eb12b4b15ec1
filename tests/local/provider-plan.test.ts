import { describe, expect, it } from 'vitest';
import { LOCAL_PROVIDER_KEY } from '../../edge/local/local-providers.mjs';
import { planProviders, REAL_BASE_URLS } from '../../edge/local/provider-plan.mjs';

const GEMINI = 'AIzaSyD4x9Qm2LkT7vRw3NcBh8JpZs5Ye1UfGo0';
const RUNWAY = `key_${'ab'.repeat(64)}`;

describe('which providers the local edge sends to the real APIs', () => {
  it('without keys, all three are the local demo providers', () => {
    const plan = planProviders({});
    expect(plan.local).toEqual(['gemini', 'veo', 'runway']);
    expect(plan.vars('http://127.0.0.1:8790')).toEqual({
      LOCAL_PROVIDERS: 'gemini,veo,runway',
      GEMINI_BASE_URL: 'http://127.0.0.1:8790',
      VEO_BASE_URL: 'http://127.0.0.1:8790',
      RUNWAY_BASE_URL: 'http://127.0.0.1:8790',
    });
    expect(plan.secrets()).toEqual({ GEMINI_API_KEY: LOCAL_PROVIDER_KEY, VEO_API_KEY: LOCAL_PROVIDER_KEY, RUNWAY_API_KEY: LOCAL_PROVIDER_KEY });
  });

  it('GEMINI_API_KEY makes Gemini and Veo real (Veo through the Gemini key); Runway stays local', () => {
    const plan = planProviders({ GEMINI_API_KEY: GEMINI });
    expect(plan.local).toEqual(['runway']);
    expect(plan.vars('http://127.0.0.1:8790')).toMatchObject({ LOCAL_PROVIDERS: 'runway', GEMINI_BASE_URL: REAL_BASE_URLS.gemini, VEO_BASE_URL: REAL_BASE_URLS.veo, RUNWAY_BASE_URL: 'http://127.0.0.1:8790' });
    expect(plan.secrets()).toEqual({ GEMINI_API_KEY: GEMINI, VEO_API_KEY: GEMINI, RUNWAY_API_KEY: LOCAL_PROVIDER_KEY });
    expect(plan.summary).toEqual([
      `Gemini: real API at ${REAL_BASE_URLS.gemini} (key from GEMINI_API_KEY)`,
      `Veo: real API at ${REAL_BASE_URLS.veo} (key from GEMINI_API_KEY)`,
      'Runway: local demo (set RUNWAY_API_KEY for the real one)',
    ]);
  });

  it('VEO_API_KEY alone makes only Veo real, and a local Veo never gets the real Gemini key', () => {
    expect(planProviders({ VEO_API_KEY: 'veo-key-123456789' }).local).toEqual(['gemini', 'runway']);
    expect(planProviders({ VEO_API_KEY: 'veo-key-123456789' }).secrets().GEMINI_API_KEY).toBe(LOCAL_PROVIDER_KEY);
    // Stock footage keys pass through only when set (no local stand-in for stock search).
    expect(planProviders({ PEXELS_API_KEY: 'pexels-key-1234' }).secrets()).toMatchObject({ PEXELS_API_KEY: 'pexels-key-1234' });
    expect(planProviders({}).secrets()).not.toHaveProperty('PIXABAY_API_KEY');
    const all = planProviders({ GEMINI_API_KEY: GEMINI, RUNWAY_API_KEY: RUNWAY, RUNWAY_BASE_URL: 'http://127.0.0.1:9999' });
    expect(all.local).toEqual([]);
    expect(all.vars(undefined)).toMatchObject({ LOCAL_PROVIDERS: '', RUNWAY_BASE_URL: 'http://127.0.0.1:9999' });
  });

  it('never puts a key in what it prints or in the plain vars', () => {
    const plan = planProviders({ GEMINI_API_KEY: GEMINI, RUNWAY_API_KEY: RUNWAY });
    const printed = JSON.stringify([plan.summary, plan.vars('http://127.0.0.1:8790')]);
    expect(printed).not.toContain(GEMINI);
    expect(printed).not.toContain(RUNWAY);
  });
});
