import { brandKitFiles, restoreBrandKit, type BrandKit } from '../core/autopilot';
import type { DirectorDb } from './database';

/** A brand kit in the library: the kit and its files (logo, fonts, intro, outro) by name. */
export interface StoredBrandKit {
  kit: BrandKit;
  files: Record<string, Blob>;
  updatedAt: number;
}

interface BrandKitRecord {
  id: string;
  kit: unknown;
  files: Record<string, Blob>;
  updatedAt: number;
}

const toStored = (row: BrandKitRecord | undefined): StoredBrandKit | null => {
  if (!row) return null;
  const restored = restoreBrandKit(row.kit, row.id);
  if (!restored.ok) return null;
  const files = Object.fromEntries(brandKitFiles(restored.kit).flatMap((n) => (row.files?.[n] instanceof Blob ? [[n, row.files[n]!]] : [])));
  return { kit: restored.kit, files, updatedAt: row.updatedAt ?? 0 };
};

export async function listBrandKits(db: DirectorDb): Promise<StoredBrandKit[]> {
  const rows = (await db.brandKits.toArray()) as unknown as BrandKitRecord[];
  return rows
    .map(toStored)
    .filter((k): k is StoredBrandKit => k !== null)
    .sort((a, b) => a.kit.name.localeCompare(b.kit.name));
}

export async function loadBrandKit(db: DirectorDb, id: string): Promise<StoredBrandKit | null> {
  return toStored((await db.brandKits.get(id)) as unknown as BrandKitRecord | undefined);
}

/** Saves a kit with the files it names (files it no longer names are dropped). */
export async function saveBrandKit(db: DirectorDb, kit: BrandKit, files: Record<string, Blob>, now = Date.now()): Promise<void> {
  const keep = Object.fromEntries(brandKitFiles(kit).flatMap((n) => (files[n] ? [[n, files[n]!]] : [])));
  await db.brandKits.put({ id: kit.id, kit, files: keep, updatedAt: now });
}

export async function deleteBrandKit(db: DirectorDb, id: string): Promise<void> {
  await db.brandKits.delete(id);
}
