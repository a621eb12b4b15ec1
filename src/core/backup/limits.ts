/** What a `.director.zip` may hold. Checked before anything is decompressed or written. */
export const BACKUP_LIMITS = {
  maxArchiveBytes: 1024 * 1024 * 1024,
  maxEntries: 5000,
  maxManifestBytes: 4 * 1024 * 1024,
  maxSourceFileBytes: 2 * 1024 * 1024,
  maxSourceFiles: 2000,
  maxAssetBytes: 512 * 1024 * 1024,
  maxAssets: 4000,
  maxRecordsBytes: 64 * 1024 * 1024,
  maxTotalUncompressedBytes: 2 * 1024 * 1024 * 1024,
  /**
   * The whole archive may unpack to at most this allowance plus maxArchiveExpansion times its own
   * size: media is stored (1x) and sources compress 3-20x, so many small entries of spaces that
   * each pass the per-entry ratio still cannot add up to a bomb.
   */
  unpackAllowanceBytes: 32 * 1024 * 1024,
  maxArchiveExpansion: 40,
  maxRecordRows: 20_000,
  /** Real sources compress 3-20x and media not at all; far more is the mark of a zip bomb. */
  maxCompressionRatio: 200,
  maxPathLength: 255,
  maxPathDepth: 32,
} as const;

export type BackupLimits = { readonly [K in keyof typeof BACKUP_LIMITS]: number };

export const BACKUP_FORMAT = 'director-project';
export const BACKUP_FORMAT_VERSION = 1;
export const BACKUP_EXTENSION = '.director.zip';
