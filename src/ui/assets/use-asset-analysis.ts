import { createSignal, onCleanup, type Accessor } from 'solid-js';
import type { Asset } from '../../core/project/records';
import { analysisJob, forgetAnalysis } from '../../app/assets/analysis-jobs';
import { needsAnalysis, type AssetAnalysis } from '../../app/assets/asset-analysis';

export interface AnalysisState {
  analysis: Accessor<AssetAnalysis | undefined>;
  error: Accessor<string | undefined>;
  stage: Accessor<string | null>;
  retry: () => void;
}

/** A card's view of its asset's analysis job: the result, the failure, or what is being done now. */
export function useAssetAnalysis(asset: Asset): AnalysisState {
  const [analysis, setAnalysis] = createSignal<AssetAnalysis>();
  const [error, setError] = createSignal<string>();
  const [stage, setStage] = createSignal<Accessor<string | null>>(() => null);
  let alive = true;
  onCleanup(() => (alive = false));

  const follow = () => {
    const job = analysisJob(asset);
    setError(undefined);
    setStage(() => job.stage);
    job.result.then(
      (value) => alive && setAnalysis(() => value),
      (e: Error) => alive && setError(e.message),
    );
  };
  // Fonts, SVG and text preview straight from the blob: no job.
  if (needsAnalysis(asset)) follow();

  return {
    analysis,
    error,
    stage: () => stage()(),
    retry: () => {
      forgetAnalysis(asset.id);
      // Fonts, SVG and text preview straight from the blob: no job.
  if (needsAnalysis(asset)) follow();
    },
  };
}
