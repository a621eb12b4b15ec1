/**
 * The batch line under the toolbar: "7 of 12 clips, 2 running, ~3 min left". Time left is the
 * average time per finished clip so far times the clips left, divided by how many run at once.
 */
export interface BatchState {
  total: number;
  finished: number;
  running: number;
  failed: number;
  elapsedMs: number;
}

export function batchLine(s: BatchState): string {
  const parts = [`${s.finished} of ${s.total} clips`];
  if (s.running) parts.push(`${s.running} running`);
  if (s.failed) parts.push(`${s.failed} failed`);
  const left = s.total - s.finished;
  if (left > 0 && s.finished > 0) parts.push(`~${formatDuration((s.elapsedMs / s.finished) * left)} left`);
  return parts.join(', ');
}

export function formatDuration(ms: number): string {
  const seconds = Math.max(1, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  return minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
