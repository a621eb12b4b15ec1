import { EdgeError } from '../http/edge-error';
import { fetchUpstream } from '../upstream/fetch-upstream';
import { redact } from '../upstream/redact';

const MAX_REDIRECTS = 4;

/**
 * GETs a media file, following redirects by hand so the auth headers go only to the first URL's
 * origin (a redirect to a CDN must not receive the key). Returns a streaming video response.
 */
export async function fetchWithKeyOnSameOrigin(
  url: string,
  authHeaders: Record<string, string>,
  options: { provider: string; timeoutMs: number; secrets: readonly string[] },
): Promise<Response> {
  const origin = new URL(url).origin;
  let current = url;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const sameOrigin = new URL(current).origin === origin;
    const { response } = await fetchUpstream(current, { headers: sameOrigin ? authHeaders : {}, redirect: 'manual' }, options);
    if (response.status >= 300 && response.status < 400 && response.headers.get('Location')) {
      await response.body?.cancel();
      current = new URL(response.headers.get('Location')!, current).toString();
      if (!/^https?:$/.test(new URL(current).protocol)) throw new EdgeError('upstream_error', `${options.provider} redirected the download to a non-http URL`);
      continue;
    }
    if (!response.ok) {
      const text = redact(await response.text().catch(() => ''), options.secrets).slice(0, 300);
      throw new EdgeError(response.status === 404 ? 'not_found' : 'upstream_error', `${options.provider} download failed with HTTP ${response.status}${text ? `: ${text}` : ''}`);
    }
    const headers = new Headers({
      'Content-Type': response.headers.get('Content-Type') ?? 'video/mp4',
      'Cache-Control': 'private, no-store',
    });
    const length = response.headers.get('Content-Length');
    if (length) headers.set('Content-Length', length);
    return new Response(response.body, { status: 200, headers });
  }
  throw new EdgeError('upstream_error', `${options.provider} download redirected more than ${MAX_REDIRECTS} times`);
}
