import { createMemo } from 'solid-js';
import { db } from '../../app/db';
import { createLiveQuery } from '../../app/live-query';
import { listAssets } from '../../db/assets-repo';
import { listFiles } from '../../db/files-repo';

/** A project's saved source files and assets, live: what a build of the stored project sees. */
export function createStoredSources(projectId: () => string) {
  const files = createLiveQuery(() => listFiles(db, projectId()), []);
  const assets = createLiveQuery(() => listAssets(db, projectId()), []);
  const fileMap = createMemo<ReadonlyMap<string, string>>(() => new Map(files.value().map((f) => [f.path, f.content])));
  const assetList = createMemo(() => assets.value().map((a) => ({ name: a.name, blob: a.blob })));
  return { files, assets, fileMap, assetList };
}
