export { describeUnsupportedPackage, type DependencySupport, type UnsupportedDependency } from './browser-engine-support';
export { findUnsupportedDependencies, importsOf } from './project-dependencies';
export { readRemotionProject, type ImportedRemotionProject, type RemotionImportErrorCode } from './read-remotion-project';
export { readRemotionZip, type RemotionZipErrorCode } from './read-remotion-zip';
export { REMOTION_IMPORT_LIMITS, SKIPPED_FOLDERS, type RemotionImportLimits } from './remotion-import-limits';
export { declaredCompositions } from './declared-compositions';
