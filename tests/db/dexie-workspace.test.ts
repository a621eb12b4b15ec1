import { makeDexieWorkspace } from '../../src/app/agent/dexie-workspace';
import { replaceFiles, writeFile } from '../../src/db/files-repo';
import { createProject } from '../../src/db/projects-repo';
import { describeWorkspaceContract } from '../core/agent/workspace-contract';
import { freshDb } from './test-db';

describeWorkspaceContract('Dexie (fake-indexeddb)', async (seed) => {
  const { db } = freshDb();
  const project = await createProject(db, seed.settings);
  if (!project.ok) throw new Error(project.message);
  await replaceFiles(db, project.value.id, seed.files);
  return {
    workspace: makeDexieWorkspace(db, project.value.id),
    externalWrite: async (path, content) => {
      const written = await writeFile(db, project.value.id, path, content);
      if (!written.ok) throw new Error(written.message);
    },
  };
});
