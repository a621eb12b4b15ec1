/**
 * Second thread of the vision worker: its own MediaPipe detector and ONNX session, so detector
 * tiles and face embeddings of one photo run on two cores. Started and fed by the vision worker
 * (workers/vision/helper.ts); same models, same code, same results as running them there.
 */
import * as Comlink from 'comlink';
import type { DetectedFace, Tile } from '../src/core/vision';
import { createFaceDetector, type FaceDetectorHandle } from './vision/face-detector';
import { createFaceEmbedder, type EmbedderOptions, type FaceEmbedderHandle } from './vision/face-embedder';

let models: { detector: FaceDetectorHandle; embedder: FaceEmbedderHandle } | null = null;

const api = {
  async init(assetsBaseUrl: string, options: EmbedderOptions): Promise<void> {
    const [detector, embedder] = await Promise.all([createFaceDetector(assetsBaseUrl), createFaceEmbedder(assetsBaseUrl, options)]);
    models = { detector, embedder };
  },
  /** Detector passes over square image regions given as their 128 x 128 inputs; faces in image pixels. */
  passes(inputs: ImageData[], regions: Tile[]): DetectedFace[][] {
    return inputs.map((input, i) => models!.detector.regionPass(input, regions[i]!));
  },
  embed(chips: Float32Array, count: number): Promise<Float32Array[]> {
    return models!.embedder.embed(chips, count);
  },
};

export type VisionHelperApi = typeof api;
Comlink.expose(api);
