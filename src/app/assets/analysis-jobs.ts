import { createSignal, type Accessor } from 'solid-js';
import type { Asset } from '../../core/project/records';
import { mediaErrorFrom } from '../../core/media/media-error';
import { analyzeAsset, type AssetAnalysis } from './asset-analysis';
import { readStoredAnalysis, storeAnalysis } from './analysis-store';
import { createSerialQueue } from './serial-queue';

export interface AnalysisJob {
  result: Promise<AssetAnalysis>;
  /** What is happening now ("Waiting…", "Making a poster frame…"); null once settled. */
  stage: Accessor<string | null>;
}

/**
 * One job per asset for the page's lifetime: cards that remount (renames, undo, switching views)
 * reuse it. Finished analyses are also kept in Dexie, so a reload reads instead of decoding.
 * Failures stay in memory only: a reload tries again.
 */
const jobs = new Map<string, AnalysisJob>();
const enqueue = createSerialQueue();

export function analysisJob(asset: Asset): AnalysisJob {
  let job = jobs.get(asset.id);
  if (!job) {
    job = startJob(asset);
    jobs.set(asset.id, job);
  }
  return job;
}

/** Drops a failed job so the next analysisJob() runs again (the card's Retry). */
export function forgetAnalysis(assetId: string): void {
  jobs.delete(assetId);
}

function startJob(asset: Asset): AnalysisJob {
  const [stage, setStage] = createSignal<string | null>('Loading preview…');
  const result = (async () => {
    const stored = await readStoredAnalysis(asset.id).catch(() => null);
    if (stored) return stored;
    setStage('Waiting for other previews…');
    const analysis = await enqueue(() => analyzeAsset(asset, setStage));
    await storeAnalysis(asset.id, analysis).catch(() => undefined);
    return analysis;
  })()
    .catch((error: unknown) => {
      throw new Error(readableFailure(error));
    })
    .finally(() => setStage(null));
  // Cards handle the failure; this keeps a job nobody is watching from being an unhandled rejection.
  result.catch(() => undefined);
  return { result, stage };
}

/** Worker errors carry a code and the file name; the card already names the file, so keep the reason. */
function readableFailure(error: unknown): string {
  const media = mediaErrorFrom(error);
  if (!media) return (error as Error)?.message ?? String(error);
  const reason = media.reason.charAt(0).toUpperCase() + media.reason.slice(1);
  switch (media.code) {
    case 'corrupt_or_truncated':
      return `The file is damaged or incomplete. (${reason})`;
    case 'unsupported_format':
    case 'unsupported_codec':
      return `This format cannot be read in the browser. (${reason})`;
    case 'timeout':
      return 'Reading the file took too long and was stopped.';
    default:
      return reason;
  }
}
