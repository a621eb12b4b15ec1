import { makeInMemoryWorkspace } from '../../../src/core/agent/testing/in-memory-workspace';
import { describeWorkspaceContract } from './workspace-contract';

describeWorkspaceContract('in memory', async (seed) => {
  const workspace = makeInMemoryWorkspace({ settings: seed.settings, files: seed.files });
  return { workspace, externalWrite: async (path, content) => workspace.externalWrite(path, content) };
});
