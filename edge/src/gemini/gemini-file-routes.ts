import { Hono } from 'hono';
import type { Env } from '../env';
import { BODY_LIMITS, limitBody } from '../http/body-limit';
import { EdgeError } from '../http/edge-error';
import { readJsonWithText, validate } from '../http/validate-json';
import { meter } from '../limits/meter';
import { hasUserKey } from './gemini-key';
import { listFilesQuery, uploadStartRequest } from './gemini-schemas';
import { callGemini, relayHeaders } from './gemini-upstream';

/** Request headers of Google's upload protocol that the edge forwards. */
const UPLOAD_HEADERS = [
  'x-goog-upload-protocol',
  'x-goog-upload-command',
  'x-goog-upload-offset',
  'x-goog-upload-header-content-length',
  'x-goog-upload-header-content-type',
  'x-goog-upload-file-name',
];

const FILE_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

/**
 * Files API (wire: gemini.md §6): resumable upload start + chunks, multipart upload, get, list,
 * delete, and download of generated files (the path Veo results and @google/genai downloads use).
 */
export const geminiFileRoutes = new Hono<{ Bindings: Env }>()
  .post('/upload/:version{v1beta|v1}/files', limitBody(BODY_LIMITS.geminiUploadChunk), meter((c) => (hasUserKey(c) || c.req.query('upload_id') ? 0 : 1)), async (c) => {
    const version = c.req.param('version');
    const headers: Record<string, string> = {};
    for (const name of UPLOAD_HEADERS) {
      const value = c.req.header(name);
      if (value !== undefined) headers[name] = value;
    }
    const uploadId = c.req.query('upload_id');
    const protocol = (headers['x-goog-upload-protocol'] ?? '').toLowerCase();
    const command = (headers['x-goog-upload-command'] ?? '').toLowerCase();
    let path: string;
    let body: ArrayBuffer | string | null;

    if (uploadId !== undefined) {
      // A chunk of a resumable upload started earlier through the edge.
      if (!/^[\w\-.]{1,512}$/.test(uploadId)) throw new EdgeError('invalid_argument', 'query.upload_id is malformed', { field: 'upload_id' });
      if (!/^(upload|finalize|upload, finalize|query|cancel)$/.test(command)) {
        throw new EdgeError('invalid_argument', `X-Goog-Upload-Command must be "upload", "upload, finalize", "finalize", "query" or "cancel", got "${command}"`, { field: 'X-Goog-Upload-Command' });
      }
      path = `/upload/${version}/files?upload_id=${encodeURIComponent(uploadId)}&upload_protocol=resumable`;
      body = await c.req.arrayBuffer();
    } else if (protocol === 'resumable' && command === 'start') {
      const hasBody = Number(c.req.header('Content-Length') ?? '0') > 0 || c.req.header('Transfer-Encoding') !== undefined;
      body = hasBody ? (await readJsonWithText(c, uploadStartRequest)).text : null;
      if (body) headers['content-type'] = 'application/json';
      path = `/upload/${version}/files`;
    } else if (protocol === 'multipart') {
      const type = c.req.header('Content-Type') ?? '';
      if (!/^multipart\/related\b/i.test(type)) throw new EdgeError('unsupported_media_type', `multipart upload needs Content-Type multipart/related, got "${type}"`);
      headers['content-type'] = type;
      body = await c.req.arrayBuffer();
      path = `/upload/${version}/files`;
    } else {
      throw new EdgeError('invalid_argument', 'X-Goog-Upload-Protocol must be "resumable" (with X-Goog-Upload-Command: start) or "multipart"', { field: 'X-Goog-Upload-Protocol' });
    }

    const upstream = await callGemini(c, { method: 'POST', path, headers, body });
    const out = relayHeaders(upstream.response.headers);
    const uploadUrl = upstream.response.headers.get('x-goog-upload-url');
    if (uploadUrl) out.set('x-goog-upload-url', rewriteUploadUrl(uploadUrl, c.req.url, version));
    return new Response(upstream.response.body, { status: upstream.response.status, headers: out });
  })
  .get('/:version{v1beta|v1}/files', meter(0), async (c) => {
    const query = validate(listFilesQuery, c.req.query(), 'query');
    const params = new URLSearchParams();
    if (query.pageSize !== undefined) params.set('pageSize', String(query.pageSize));
    if (query.pageToken !== undefined) params.set('pageToken', query.pageToken);
    const qs = params.size ? `?${params}` : '';
    const upstream = await callGemini(c, { method: 'GET', path: `/${c.req.param('version')}/files${qs}` });
    return new Response(upstream.response.body, { status: upstream.response.status, headers: relayHeaders(upstream.response.headers) });
  })
  .get('/:version{v1beta|v1}/files/:file', meter(0), async (c) => {
    const { id, download } = parseFile(c.req.param('file'));
    const path = download ? `/${c.req.param('version')}/files/${id}:download?alt=media` : `/${c.req.param('version')}/files/${id}`;
    const upstream = await callGemini(c, { method: 'GET', path });
    return new Response(upstream.response.body, { status: upstream.response.status, headers: relayHeaders(upstream.response.headers) });
  })
  .delete('/:version{v1beta|v1}/files/:file', meter(0), async (c) => {
    const { id, download } = parseFile(c.req.param('file'));
    if (download) throw new EdgeError('invalid_argument', 'cannot DELETE a :download path', { field: 'file' });
    const upstream = await callGemini(c, { method: 'DELETE', path: `/${c.req.param('version')}/files/${id}` });
    return new Response(upstream.response.body, { status: upstream.response.status, headers: relayHeaders(upstream.response.headers) });
  });

function parseFile(param: string): { id: string; download: boolean } {
  const download = param.endsWith(':download');
  const id = download ? param.slice(0, -':download'.length) : param;
  if (!FILE_ID.test(id)) throw new EdgeError('invalid_argument', `file id must be lowercase letters, digits and dashes, got "${id.slice(0, 80)}"`, { field: 'file' });
  return { id, download };
}

/**
 * Points Google's upload URL at the edge, keeping only the upload session id. The SDK then
 * sends the chunks here (it also swaps the origin for its baseUrl's, which keeps our path).
 */
function rewriteUploadUrl(upstreamUrl: string, requestUrl: string, version: string): string {
  const uploadId = new URL(upstreamUrl).searchParams.get('upload_id') ?? '';
  const edge = new URL(requestUrl);
  return `${edge.origin}/api/gemini/upload/${version}/files?upload_id=${encodeURIComponent(uploadId)}&upload_protocol=resumable`;
}
