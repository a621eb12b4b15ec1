import { canonicalJson } from '../../core/graph/canonical-json';
import { hashText } from '../../core/graph/hash-text';
import { db } from '../db';
import { listAssets } from '../../db/assets-repo';
import { listFiles } from '../../db/files-repo';

/** One hash of what a composition renders from: every source file and which assets exist under which name. */
export async function projectSourceHash(projectId: string): Promise<string> {
  const [files, assets] = await Promise.all([listFiles(db, projectId), listAssets(db, projectId)]);
  const sources = files.map((f) => [f.path, f.content]).sort();
  const media = assets.filter((a) => !/^(\.director|renders|generated)\//.test(a.name)).map((a) => [a.name, a.id]).sort();
  return hashText(canonicalJson({ sources, media }));
}
