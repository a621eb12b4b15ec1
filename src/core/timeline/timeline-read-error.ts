/** A file that cannot be read as a timeline; `message` is one sentence for the person who chose the file. */
export class TimelineReadError extends Error {
  readonly code = 'timeline_unreadable';
}
