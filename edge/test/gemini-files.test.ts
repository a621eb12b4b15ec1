import { describe, expect, it } from 'vitest';
import { EDGE, edge } from './support/edge-client';

describe('Gemini Files API through the edge', () => {
  it('resumable upload: start → chunks through the edge → final file → get → list → delete', async () => {
    const bytes = new Uint8Array(3000).map((_, i) => i & 0xff);
    const start = await edge('/api/gemini/upload/v1beta/files', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'X-Goog-Upload-Protocol': 'resumable',
        'X-Goog-Upload-Command': 'start',
        'X-Goog-Upload-Header-Content-Length': String(bytes.length),
        'X-Goog-Upload-Header-Content-Type': 'video/mp4',
      },
      body: JSON.stringify({ file: { displayName: 'Take 3' } }),
    });
    expect(start.status).toBe(200);
    const uploadUrl = start.headers.get('x-goog-upload-url')!;
    // The upload URL points back at the edge (so chunks get the key added there), never at Google.
    expect(uploadUrl.startsWith(`${EDGE}/api/gemini/upload/v1beta/files?upload_id=`)).toBe(true);
    const path = uploadUrl.slice(EDGE.length);

    const chunk1 = await edge(path, { method: 'POST', headers: { 'X-Goog-Upload-Command': 'upload', 'X-Goog-Upload-Offset': '0' }, body: bytes.subarray(0, 2000) });
    expect(chunk1.status).toBe(200);
    expect(chunk1.headers.get('x-goog-upload-status')).toBe('active');
    const last = await edge(path, { method: 'POST', headers: { 'X-Goog-Upload-Command': 'upload, finalize', 'X-Goog-Upload-Offset': '2000' }, body: bytes.subarray(2000) });
    expect(last.status).toBe(200);
    expect(last.headers.get('x-goog-upload-status')).toBe('final');
    const { file } = await last.json<any>();
    expect(file).toMatchObject({ displayName: 'Take 3', mimeType: 'video/mp4', sizeBytes: '3000' });

    const id = file.name.slice('files/'.length);
    const got = await edge(`/api/gemini/v1beta/files/${id}`);
    expect((await got.json<any>()).state).toBe('ACTIVE');
    const list = await edge('/api/gemini/v1beta/files?pageSize=10');
    expect((await list.json<any>()).files.some((f: any) => f.name === file.name)).toBe(true);
    expect((await edge(`/api/gemini/v1beta/files/${id}`, { method: 'DELETE' })).status).toBe(200);
    expect((await edge(`/api/gemini/v1beta/files/${id}`)).status).toBe(404);
  });

  it('rejects a bad upload command and a malformed file id', async () => {
    const bad = await edge('/api/gemini/upload/v1beta/files?upload_id=abc', { method: 'POST', headers: { 'X-Goog-Upload-Command': 'explode' }, body: 'x' });
    expect(bad.status).toBe(400);
    expect((await bad.json<any>()).error.field).toBe('X-Goog-Upload-Command');
    const id = await edge('/api/gemini/v1beta/files/..%2Fmodels');
    expect(id.status).toBe(400);
  });

  it('413 for an upload chunk over 16 MiB', async () => {
    const res = await edge('/api/gemini/upload/v1beta/files?upload_id=abc', {
      method: 'POST',
      headers: { 'X-Goog-Upload-Command': 'upload', 'X-Goog-Upload-Offset': '0' },
      body: new Uint8Array(17 * 1024 * 1024),
    });
    expect(res.status).toBe(413);
  });
});
