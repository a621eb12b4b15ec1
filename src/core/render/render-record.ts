/** One export of a composition to a video file, in the browser or on a server. */
export interface RenderRecord {
  id: string;
  projectId: string;
  compositionId: string;
  where: 'browser' | 'server';
  container: 'mp4' | 'webm';
  state: 'rendering' | 'done' | 'failed' | 'cancelled' | 'interrupted';
  /** 0..1 */
  progress: number;
  width: number;
  height: number;
  frames: number;
  createdAt: number;
  finishedAt?: number;
  ms?: number;
  assetId?: string;
  bytes?: number;
  error?: string;
  [field: string]: unknown;
}

/** "12 s left", "2:05 left" from a remaining-time estimate in milliseconds. */
export function formatTimeLeft(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms) || ms < 0) return 'estimating…';
  const s = Math.ceil(ms / 1000);
  return s < 60 ? `${s} s left` : `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')} left`;
}
