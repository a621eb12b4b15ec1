export * from './script-types';
export * from './script-schema';
export * from './script-request';
export * from './write-script';
export * from './template-script';
export * from './script-to-storyboard';
export * from './asset-suggestions';
