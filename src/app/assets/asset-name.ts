/**
 * Asset names are the paths Remotion code passes to staticFile(), so they follow URL path rules:
 * folders with "/", no empty or ".." segments, no leading slash.
 */

/** The app keeps its own files (thumbnails, bundles) under this prefix; people never see them. */
export const INTERNAL_PREFIX = '.director/';

export function isInternalAsset(name: string): boolean {
  return name.startsWith(INTERNAL_PREFIX);
}

/** Why a name cannot be used, or null when it can. */
export function problemWithAssetName(name: string): string | null {
  if (!name) return 'The name is empty.';
  if (name.length > 200) return 'The name is longer than 200 characters.';
  if (/[\u0000-\u001f\\]/.test(name)) return 'The name contains a backslash or a control character.';
  if (name.startsWith('/')) return 'The name cannot start with “/”: staticFile() names are relative to the project.';
  if (name.split('/').some((segment) => segment === '' || segment === '.' || segment === '..')) return 'Every folder in the name needs a name (no “//”, “.” or “..”).';
  if (isInternalAsset(name)) return `Names starting with “${INTERNAL_PREFIX}” are reserved for Director.`;
  return null;
}

/** A file name from a drop or picker, made safe to use as an asset name (no folders). */
export function assetNameFromFileName(fileName: string): string {
  const base = fileName.split(/[/\\]/).pop()!.replace(/[\u0000-\u001f]/g, '').trim();
  return base.replace(/^\.+/, '') || 'file';
}

/** What code writes to reach the asset: `staticFile("music/theme.mp3")`. */
export function staticFileSnippet(name: string): string {
  return `staticFile(${JSON.stringify(name)})`;
}

/** The last path segment, for downloads: "music/theme.mp3" -> "theme.mp3". */
export function downloadNameOf(name: string): string {
  return name.split('/').pop() || name;
}
