export { SAME_PERSON_THRESHOLD } from './identity-threshold';
export { l2Normalize, cosineSimilarity, euclideanDistance, centroid, type Embedding } from './embedding-math';
export { FACE_KEYPOINTS, type DetectedFace, type FaceKeypointName, type ImagePixels, type Point } from './face-types';
export {
  FACE_CHIP_SIZE,
  DLIB_CHIP_PADDING,
  chipTemplate,
  fitSimilarity,
  alignedChipTransform,
  faceApiBoxChipTransform,
  chipScale,
  type ChipTransform,
  type CropWindow,
} from './face-chip-transform';
export { sampleFaceChip, type ChipSamplingOptions } from './sample-face-chip';
export {
  ratesAt,
  calibrateThreshold,
  labelledPairs,
  type LabelledPair,
  type ThresholdRates,
  type CalibrationCriterion,
} from './threshold-calibration';
export { makeCharacterProfile, similarityToCharacter, type CharacterProfile } from './character-profile';
export { scoreCharacterConsistency, type FrameFaces, type FrameVerdict, type ConsistencyReport } from './character-consistency';
export { assessFace, eyeDistance, DEFAULT_FACE_QUALITY_LIMITS, type FaceIssue, type FaceQualityLimits } from './face-quality';
export { mergeDetections, type WeightedDetection } from './merge-detections';
export { detectionTiles, autoTileSide, keepTileDetection, TILE_MIN_SCORE, MIN_SHORT_SIDE_FOR_TILES, type Tile } from './detection-tiles';
export { chipSourceRegion, transformIntoRegion } from './chip-source-region';
export { detectorInput, DETECTOR_INPUT_SIZE } from './detection-input';
export { isPlausibleFace, faceGeometry, DEFAULT_PLAUSIBILITY_LIMITS, type PlausibilityLimits } from './face-plausibility';
export { helperShare } from './work-split';
