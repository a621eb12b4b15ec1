/** What an imported Remotion project (folder or zip) may hold; checked before anything is written. */
export const REMOTION_IMPORT_LIMITS = {
  maxZipBytes: 1024 * 1024 * 1024,
  /** Entries a zip may list (node_modules left in a zip is the usual way past this). */
  maxEntries: 20_000,
  maxSourceFiles: 2000,
  maxSourceFileBytes: 2 * 1024 * 1024,
  maxAssets: 4000,
  maxAssetBytes: 512 * 1024 * 1024,
  /** JSON, text and subtitle files in public/ (captions, data) kept as assets. */
  maxDataAssetBytes: 8 * 1024 * 1024,
  maxTotalUncompressedBytes: 2 * 1024 * 1024 * 1024,
  unpackAllowanceBytes: 32 * 1024 * 1024,
  maxArchiveExpansion: 40,
  maxCompressionRatio: 200,
} as const;

/** Folders a project on disk has that are not the project: installed packages, builds, VCS, caches. */
export const SKIPPED_FOLDERS = new Set(['node_modules', '.git', 'out', 'dist', 'build', '.cache', '.next', '.turbo', '__MACOSX', '.vscode', '.idea']);

export type RemotionImportLimits = { readonly [K in keyof typeof REMOTION_IMPORT_LIMITS]: number };
