import type { DirectorDb } from './database';

/** What a person sets once: where the edge is, how to reach it, which models to use. */
export interface AppSettings {
  edgeUrl: string;
  accessToken: string;
  models: { agent: string; image: string; video: string; speech: string };
}

export const DEFAULT_SETTINGS: AppSettings = {
  edgeUrl: 'http://localhost:8787',
  accessToken: '',
  models: { agent: 'gemini-2.5-pro', image: 'gemini-3.1-flash-image', video: 'veo-3.1-generate-preview', speech: 'gemini-2.5-flash-preview-tts' },
};

const KEY = 'app';

/** Reads settings; unknown or malformed stored values fall back to defaults field by field. */
export async function loadSettings(db: DirectorDb): Promise<AppSettings> {
  const row = await db.settings.get(KEY);
  return restoreSettings(row?.value);
}

export async function saveSettings(db: DirectorDb, settings: AppSettings): Promise<void> {
  await db.settings.put({ key: KEY, value: restoreSettings(settings) });
}

/** True once settings were ever saved (a person's choices, or an earlier seed). */
export async function hasSavedSettings(db: DirectorDb): Promise<boolean> {
  return (await db.settings.get(KEY)) !== undefined;
}

/**
 * Saves `settings` only when none were ever saved, in one transaction (two tabs seeding at once
 * write once). Returns whether it wrote.
 */
export async function saveSettingsIfNone(db: DirectorDb, settings: AppSettings): Promise<boolean> {
  return db.transaction('rw', db.settings, async () => {
    if (await db.settings.get(KEY)) return false;
    await db.settings.put({ key: KEY, value: restoreSettings(settings) });
    return true;
  });
}

export function restoreSettings(stored: unknown): AppSettings {
  const s = (stored ?? {}) as Partial<Record<keyof AppSettings, unknown>>;
  const str = (v: unknown, fallback: string) => (typeof v === 'string' ? v.trim() : fallback);
  const models = (s.models ?? {}) as Partial<Record<keyof AppSettings['models'], unknown>>;
  return {
    edgeUrl: str(s.edgeUrl, DEFAULT_SETTINGS.edgeUrl).replace(/\/+$/, ''),
    accessToken: str(s.accessToken, DEFAULT_SETTINGS.accessToken),
    models: {
      agent: str(models.agent, DEFAULT_SETTINGS.models.agent) || DEFAULT_SETTINGS.models.agent,
      image: str(models.image, DEFAULT_SETTINGS.models.image) || DEFAULT_SETTINGS.models.image,
      video: str(models.video, DEFAULT_SETTINGS.models.video) || DEFAULT_SETTINGS.models.video,
      speech: str(models.speech, DEFAULT_SETTINGS.models.speech) || DEFAULT_SETTINGS.models.speech,
    },
  };
}

/** A raw settings row's value (per-feature keys such as shares and styles); callers validate it. */
export async function readSetting(db: DirectorDb, key: string): Promise<unknown> {
  return (await db.settings.get(key))?.value;
}

export async function writeSetting(db: DirectorDb, key: string, value: unknown): Promise<void> {
  await db.settings.put({ key, value });
}

export async function deleteSetting(db: DirectorDb, key: string): Promise<void> {
  await db.settings.delete(key);
}
