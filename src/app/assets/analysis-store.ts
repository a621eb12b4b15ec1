import { db } from '../db';
import type { AssetAnalysis } from './asset-analysis';
import { putAssetSetting } from '../../db/assets-repo';
import { readSetting } from '../../db/settings-repo';

/** Bump when AssetAnalysis changes shape: older rows are then recomputed instead of misread. */
const FORMAT = 1;

interface StoredAnalysis {
  format: number;
  analysis: AssetAnalysis;
}

/** The settings row holding an asset's analysis, so it survives reloads. */
export function analysisSettingKey(assetId: string): string {
  return `asset-analysis:${assetId}`;
}

export async function readStoredAnalysis(assetId: string): Promise<AssetAnalysis | null> {
  const value = (await readSetting(db, analysisSettingKey(assetId))) as StoredAnalysis | undefined;
  return value?.format === FORMAT ? value.analysis : null;
}

export async function storeAnalysis(assetId: string, analysis: AssetAnalysis): Promise<void> {
  // Only while the asset exists: a delete during analysis must not leave an orphan row.
  await putAssetSetting(db, assetId, { key: analysisSettingKey(assetId), value: { format: FORMAT, analysis } satisfies StoredAnalysis });
}
