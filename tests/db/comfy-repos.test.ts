import { describe, expect, it } from 'vitest';
import { addComfyServer, listComfyServers, removeComfyServer, setComfyServerPaused } from '../../src/db/comfy-servers-repo';
import { getComfyWorkflow, importComfyWorkflow, listComfyWorkflows, saveComfyMapping } from '../../src/db/comfy-workflows-repo';
import { COMFY_WORKFLOW_PRESETS } from '../../src/core/comfyui';
import { PROJECT_RECORD_TABLES } from '../../src/core/project/records';
import { freshDb } from './test-db';

describe('ComfyUI servers and workflows in the database', () => {
  it('registers servers in order with a canonical URL; a bad or repeated one is refused in one sentence', async () => {
    const { db } = freshDb();
    expect(await addComfyServer(db, { url: '127.0.0.1:8188/', authorization: ' Bearer abc ' })).toMatchObject({ ok: true, server: { url: 'http://127.0.0.1:8188', name: '127.0.0.1:8188', authorization: 'Bearer abc', paused: false } });
    expect(await addComfyServer(db, { url: 'https://gpu.example.com', name: 'Rented' })).toMatchObject({ ok: true });
    expect(await addComfyServer(db, { url: 'http://127.0.0.1:8188' })).toEqual({ ok: false, message: 'http://127.0.0.1:8188 is already registered.' });
    expect(await addComfyServer(db, { url: 'ws://gpu:8188' })).toEqual({ ok: false, message: 'A ComfyUI server is reached over http or https, not ws.' });
    expect(await addComfyServer(db, { url: 'http://gpu:8188/?token=x' })).toMatchObject({ ok: false, message: expect.stringContaining('without ? or #') });
    const servers = await listComfyServers(db);
    expect(servers.map((s) => s.name)).toEqual(['127.0.0.1:8188', 'Rented']);
    await setComfyServerPaused(db, servers[0]!.id, true);
    await removeComfyServer(db, servers[1]!.id);
    expect((await listComfyServers(db)).map((s) => [s.name, s.paused])).toEqual([['127.0.0.1:8188', true]]);
  });

  it('imports an API-format workflow into a project, refuses the editor format, and checks the mapping before saving it', async () => {
    const { db } = freshDb();
    const t2v = COMFY_WORKFLOW_PRESETS.find((p) => p.mode === 'text_to_video')!;
    expect(await importComfyWorkflow(db, 'p1', 'Mine', '{"nodes": [], "links": []}', 'text_to_video')).toMatchObject({ ok: false, message: expect.stringContaining('Save (API)') });
    const imported = await importComfyWorkflow(db, 'p1', 'Mine', JSON.stringify(t2v.workflow));
    // What it makes and a first mapping come from its stock nodes.
    expect(imported).toMatchObject({ ok: true, record: { mode: 'text_to_video', mapping: t2v.mapping } });
    const id = imported.ok ? imported.record.id : '';
    expect(await saveComfyMapping(db, id, { prompt: [{ node: '42', input: 'text' }] })).toEqual({ ok: false, message: '"prompt" points at node 42, which this workflow does not have.' });
    expect(await saveComfyMapping(db, id, t2v.mapping)).toEqual({ ok: true });
    expect((await getComfyWorkflow(db, id))!.mapping).toEqual(t2v.mapping);
    expect((await listComfyWorkflows(db, 'p1')).map((w) => w.name)).toEqual(['Mine']);
    expect(await listComfyWorkflows(db, 'p2')).toEqual([]);
    // Project data: backups and duplicates carry it.
    expect(PROJECT_RECORD_TABLES).toContain('comfyWorkflows');
  });
});
