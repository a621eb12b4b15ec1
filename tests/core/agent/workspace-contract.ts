import { describe, expect, it } from 'vitest';
import type { ProjectSettings, ProjectWorkspace } from '../../../src/core/agent/ports/project-workspace';
import { contentHash } from '../../../src/core/agent/workspace/content-hash';

export interface ContractSeed {
  settings: ProjectSettings;
  files: Record<string, string>;
}

/** A workspace under test, and a way to change a file "under" the agent (another tab, the person). */
export interface WorkspaceUnderTest {
  workspace: ProjectWorkspace;
  externalWrite(path: string, content: string): Promise<void>;
}

const seed: ContractSeed = {
  settings: { name: 'Contract', width: 1280, height: 720, fps: 30 },
  files: { 'src/index.ts': 'index', 'src/Root.tsx': 'root v1' },
};

const contents = async (w: ProjectWorkspace) => Object.fromEntries((await w.listFiles()).map((f) => [f.path, f.content]));

/**
 * The ProjectWorkspace contract, run against every implementation (in memory for the core's tests,
 * Dexie for the app), so the twin the agent's tests use cannot drift from the one people use.
 */
export function describeWorkspaceContract(name: string, make: (seed: ContractSeed) => Promise<WorkspaceUnderTest>): void {
  describe(`ProjectWorkspace contract: ${name}`, () => {
    it('reads settings and files (sorted by path, each with its content hash) and updates settings', async () => {
      const { workspace } = await make(seed);
      expect(await workspace.settings()).toEqual(seed.settings);
      expect(await workspace.listFiles()).toEqual([
        { path: 'src/Root.tsx', content: 'root v1', hash: contentHash('root v1') },
        { path: 'src/index.ts', content: 'index', hash: contentHash('index') },
      ]);
      expect(await workspace.readFile('src/index.ts')).toEqual({ path: 'src/index.ts', content: 'index', hash: contentHash('index') });
      expect(await workspace.readFile('src/Missing.tsx')).toBeNull();
      await workspace.updateSettings({ name: 'Renamed', width: 1080, height: 1920, fps: 25 });
      expect(await workspace.settings()).toEqual({ name: 'Renamed', width: 1080, height: 1920, fps: 25 });
    });

    it('applies a batch of writes, creates and deletes, returning what it wrote', async () => {
      const { workspace } = await make(seed);
      const root = (await workspace.readFile('src/Root.tsx'))!;
      const result = await workspace.applyChanges([
        { path: 'src/Root.tsx', content: 'root v2', expectedHash: root.hash },
        { path: 'src/Title.tsx', content: 'title', expectedHash: null },
        { path: 'src/index.ts', content: null },
      ]);
      expect(result).toEqual({ ok: true, value: [
        { path: 'src/Root.tsx', content: 'root v2', hash: contentHash('root v2') },
        { path: 'src/Title.tsx', content: 'title', hash: contentHash('title') },
      ] });
      expect(await contents(workspace)).toEqual({ 'src/Root.tsx': 'root v2', 'src/Title.tsx': 'title' });
    });

    it('refuses a stale write and leaves every file of the batch as it was', async () => {
      const { workspace, externalWrite } = await make(seed);
      const root = (await workspace.readFile('src/Root.tsx'))!;
      await externalWrite('src/Root.tsx', 'edited by the person');
      const result = await workspace.applyChanges([
        { path: 'src/New.tsx', content: 'new', expectedHash: null },
        { path: 'src/Root.tsx', content: 'agent edit', expectedHash: root.hash },
      ]);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.code).toBe('conflict');
      expect(await contents(workspace)).toEqual({ 'src/Root.tsx': 'edited by the person', 'src/index.ts': 'index' });
    });

    it('refuses to create a file that exists, and to edit or delete one that does not', async () => {
      const { workspace } = await make(seed);
      const exists = await workspace.applyChanges([{ path: 'src/index.ts', content: 'again', expectedHash: null }]);
      expect(exists.ok || exists.code).toBe('conflict');
      const gone = await workspace.applyChanges([{ path: 'src/Gone.tsx', content: 'x', expectedHash: contentHash('x') }]);
      expect(gone.ok || gone.code).toBe('not_found');
      const deleteGone = await workspace.applyChanges([{ path: 'src/Gone.tsx', content: null }]);
      expect(deleteGone.ok || deleteGone.code).toBe('not_found');
      expect(await contents(workspace)).toEqual(seed.files);
    });

    it('refuses an unsafe path before touching anything', async () => {
      const { workspace } = await make(seed);
      const result = await workspace.applyChanges([
        { path: 'src/Fine.tsx', content: 'fine' },
        { path: '../escape.ts', content: 'x' },
      ]);
      expect(result.ok || result.code).toBe('invalid_path');
      expect(await contents(workspace)).toEqual(seed.files);
    });

    it('stores assets under a free name and reads their bytes back', async () => {
      const { workspace } = await make(seed);
      const bytes = new Uint8Array([1, 2, 3, 4]);
      expect(await workspace.addAsset({ name: 'logo.png', mimeType: 'image/png', bytes })).toEqual({ name: 'logo.png', mimeType: 'image/png', size: 4 });
      expect(await workspace.addAsset({ name: 'logo.png', mimeType: 'image/png', bytes: new Uint8Array([9]) })).toEqual({ name: 'logo-2.png', mimeType: 'image/png', size: 1 });
      expect((await workspace.listAssets()).map((a) => a.name).sort()).toEqual(['logo-2.png', 'logo.png']);
      const read = await workspace.readAsset('logo.png');
      expect(read?.asset).toEqual({ name: 'logo.png', mimeType: 'image/png', size: 4 });
      expect([...read!.bytes]).toEqual([1, 2, 3, 4]);
      expect(await workspace.readAsset('missing.png')).toBeNull();
    });

    it('saves versions as full snapshots and restores one', async () => {
      const { workspace } = await make(seed);
      const v1 = await workspace.saveVersion('First cut');
      expect(v1).toMatchObject({ label: 'First cut', fileCount: 2 });
      await workspace.applyChanges([{ path: 'src/Root.tsx', content: 'root v2' }, { path: 'src/Extra.tsx', content: 'extra' }]);
      expect((await workspace.listVersions()).map((v) => v.id)).toContain(v1.id);
      const restored = await workspace.restoreVersion(v1.id);
      expect(restored).toEqual({ ok: true, value: v1 });
      expect(await contents(workspace)).toEqual(seed.files);
      const missing = await workspace.restoreVersion('no-such-version');
      expect(missing.ok || missing.code).toBe('not_found');
    });

    it('a version keeps the size, fps and style, and restoring it puts them back', async () => {
      const { workspace } = await make(seed);
      const style = { palette: { accent: '#f59e0b' }, mood: 'warm' };
      await workspace.setStyle(style);
      const v1 = await workspace.saveVersion('Before the change');
      await workspace.updateSettings({ ...seed.settings, width: 1920, height: 1080, fps: 25 });
      await workspace.setStyle({ palette: { accent: '#2563eb' }, mood: 'cool' });
      await workspace.applyChanges([{ path: 'src/Root.tsx', content: 'root v2' }]);
      expect((await workspace.restoreVersion(v1.id)).ok).toBe(true);
      expect(await workspace.settings()).toEqual(seed.settings);
      expect(await workspace.getStyle()).toEqual(style);
      expect(await contents(workspace)).toEqual(seed.files);
    });

    it('keeps the project style', async () => {
      const { workspace } = await make(seed);
      expect(await workspace.getStyle()).toBeNull();
      const style = { palette: { primary: '#1f2937' }, mood: 'calm', notes: ['cuts on downbeats'] };
      await workspace.setStyle(style);
      expect(await workspace.getStyle()).toEqual(style);
    });
  });
}
