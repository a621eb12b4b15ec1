export interface StillInput {
  files: ReadonlyMap<string, string>;
  assetNames: ReadonlySet<string>;
  compositionId?: string;
  frame: number;
  /** 0.25..1: smaller stills cost fewer vision tokens. */
  scale?: number;
  signal?: AbortSignal;
}

export type StillResult =
  | { ok: true; png: Uint8Array; width: number; height: number; compositionId: string }
  | { ok: false; code: 'build_failed' | 'runtime_error' | 'frame_out_of_range' | 'no_composition'; message: string };

/** A PNG of one frame (the sandbox's `still` request in the app). */
export interface StillRenderer {
  renderStill(input: StillInput): Promise<StillResult>;
}
