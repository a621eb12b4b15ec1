export * from './storyboard-types';
export * from './storyboard-edits';
export * from './fit-to-music';
export * from './storyboard-graph';
export * from './batch-estimate';
export * from './cut-composition';
export * from './storyboard-schema';
