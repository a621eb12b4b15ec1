import type { CompositionLayout } from '../../preview/frame-layout';

export interface StillInput {
  files: ReadonlyMap<string, string>;
  assetNames: ReadonlySet<string>;
  compositionId?: string;
  frame: number;
  /** 0.25..1: smaller stills cost fewer vision tokens. */
  scale?: number;
  signal?: AbortSignal;
}

/** A frame's pixels, RGBA row by row (what the automatic visual check measures). */
export interface FramePixels {
  width: number;
  height: number;
  data: Uint8Array | Uint8ClampedArray;
}

export type StillResult =
  | { ok: true; png: Uint8Array; width: number; height: number; compositionId: string; pixels?: FramePixels }
  | { ok: false; code: 'build_failed' | 'runtime_error' | 'frame_out_of_range' | 'no_composition'; message: string };

/** A PNG of one frame (the sandbox's `still` request in the app). */
export interface StillRenderer {
  /**
   * "placeholder" when the stills are not real pictures (the Node stand-in): the automatic visual
   * check is then skipped, and the turn says so. Absent means a real engine.
   */
  readonly fidelity?: 'engine' | 'placeholder';
  renderStill(input: StillInput): Promise<StillResult>;
  /**
   * The text layers and scene signature at these frames, or at evenly sampled ones (`layoutSampleFrames`), read
   * from the engine's layout; absent where there is no layout to read (the checks then use fixed
   * key frames and judge pixels only). Null when the project does not build or load.
   */
  inspectLayout?(input: Omit<StillInput, 'frame' | 'scale'> & { frames?: number[] }): Promise<CompositionLayout | null>;
}
