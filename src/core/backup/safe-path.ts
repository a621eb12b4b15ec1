import { BACKUP_LIMITS } from './limits';

/**
 * Checks a project-relative POSIX path ("src/scenes/Intro.tsx"). Returns the reason it is unsafe,
 * or null. Refuses what could escape a folder or confuse a file system: "..", absolute paths,
 * drive letters, backslashes, control characters, empty segments.
 */
export function unsafePathReason(path: string): string | null {
  if (path.length === 0) return 'the path is empty';
  if (path.length > BACKUP_LIMITS.maxPathLength) return `the path is longer than ${BACKUP_LIMITS.maxPathLength} characters`;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(path)) return 'the path contains control characters';
  if (path.includes('\\')) return 'the path contains a backslash';
  if (path.startsWith('/')) return 'the path is absolute';
  if (/^[a-zA-Z]:/.test(path)) return 'the path starts with a drive letter';
  const segments = path.split('/');
  if (segments.length > BACKUP_LIMITS.maxPathDepth) return `the path is nested deeper than ${BACKUP_LIMITS.maxPathDepth} folders`;
  for (const segment of segments) {
    if (segment === '') return 'the path has an empty segment';
    if (segment === '.' || segment === '..') return `the path contains "${segment}"`;
  }
  return null;
}
