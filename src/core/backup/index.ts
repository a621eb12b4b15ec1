export { BACKUP_EXTENSION, BACKUP_LIMITS } from './limits';
export type { ProjectBundle } from './project-bundle';
export { packProjectArchive, archiveFileName } from './pack-archive';
export { readProjectArchive, type BackupErrorCode, type ReadArchiveResult } from './read-archive';
export { remapIds } from './remap-ids';
