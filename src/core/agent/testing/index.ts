/** Test doubles and Node-side implementations of the ports (not for the app bundle). */
export { makeInMemoryWorkspace, type InMemoryWorkspace, type InMemoryWorkspaceOptions } from './in-memory-workspace';
export { makeFakePreviewRunner, makeFakeStillRenderer, THROW_STATEMENT_FAULT, TINY_PNG, type RuntimeFault } from './fake-preview-runner';
export { makeFakeImageGenerator } from './fake-image-generator';
export { makeWavAudioAnalyzer, decodeWav } from './wav-audio-analyzer';
export { makeTestSvgSanitizer } from './test-svg-sanitizer';
