import { EdgeError } from '../http/edge-error';

/** Provider ids (e.g. Veo's "models/…/operations/…") as one URL-safe path segment. */
export function encodeJobId(providerId: string): string {
  const bytes = new TextEncoder().encode(providerId);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Decodes a job id and checks it against `shape`, so a forged id cannot steer a keyed request elsewhere. */
export function decodeJobId(jobId: string, shape: RegExp): string {
  let decoded = '';
  if (/^[A-Za-z0-9_-]{1,400}$/.test(jobId)) {
    try {
      const binary = atob(jobId.replace(/-/g, '+').replace(/_/g, '/'));
      decoded = new TextDecoder().decode(Uint8Array.from(binary, (ch) => ch.charCodeAt(0)));
    } catch {
      decoded = '';
    }
  }
  if (!shape.test(decoded)) throw new EdgeError('not_found', 'unknown job id');
  return decoded;
}
