import { describe, expect, it } from 'vitest';
import { parseLocalEdgeConfig, seedSettingsFromLocalEdge } from '../../src/app/local-edge-seed';
import { DEFAULT_SETTINGS, loadSettings, saveSettings } from '../../src/db/settings-repo';
import { freshDb } from './test-db';

const LOCAL = { edgeUrl: 'http://127.0.0.1:8787', accessToken: 'director-dev-token', local: true };
/** What the app's origin answers for /director-local.json. */
const serving = (response: () => Response) => async () => response();

describe('seeding settings from npm start\'s /director-local.json', () => {
  it('a fresh profile takes the local edge and its token', async () => {
    const { db } = freshDb();
    expect(await seedSettingsFromLocalEdge(db, serving(() => Response.json(LOCAL)))).toBe('seeded');
    expect(await loadSettings(db)).toEqual({ ...DEFAULT_SETTINGS, edgeUrl: 'http://127.0.0.1:8787', accessToken: 'director-dev-token' });
  });

  it('settings saved before are never replaced', async () => {
    const { db } = freshDb();
    await saveSettings(db, { ...DEFAULT_SETTINGS, edgeUrl: 'https://edge.example.com', accessToken: 'mine' });
    expect(await seedSettingsFromLocalEdge(db, serving(() => Response.json(LOCAL)))).toBe('kept');
    expect(await loadSettings(db)).toMatchObject({ edgeUrl: 'https://edge.example.com', accessToken: 'mine' });
  });

  it('a deployed app (no such file: 404, or the host\'s index.html) or no network changes nothing', async () => {
    const { db } = freshDb();
    expect(await seedSettingsFromLocalEdge(db, serving(() => new Response('Not found', { status: 404 })))).toBe('none');
    expect(await seedSettingsFromLocalEdge(db, serving(() => new Response('<!doctype html><title>Director</title>', { headers: { 'Content-Type': 'text/html' } })))).toBe('none');
    expect(await seedSettingsFromLocalEdge(db, async () => Promise.reject(new TypeError('Failed to fetch')))).toBe('none');
    expect(await loadSettings(db)).toEqual(DEFAULT_SETTINGS);
    // Still seeds later, once it is npm start's app.
    expect(await seedSettingsFromLocalEdge(db, serving(() => Response.json(LOCAL)))).toBe('seeded');
  });

  it('takes only a well-formed file that says it is local', () => {
    expect(parseLocalEdgeConfig(LOCAL)).toEqual({ edgeUrl: 'http://127.0.0.1:8787', accessToken: 'director-dev-token' });
    expect(parseLocalEdgeConfig({ ...LOCAL, local: false })).toBeNull();
    expect(parseLocalEdgeConfig({ ...LOCAL, edgeUrl: 'javascript:alert(1)' })).toBeNull();
    expect(parseLocalEdgeConfig({ ...LOCAL, accessToken: 'has spaces' })).toBeNull();
    expect(parseLocalEdgeConfig(null)).toBeNull();
  });
});
