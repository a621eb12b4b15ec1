import * as esbuild from 'esbuild-wasm';
import { formatDiagnostic } from '../core/bundler/build-diagnostics';
import { makeProjectBundler, type BundleOutput } from '../core/bundler/bundle-project';
import { readProjectDir } from './read-project-dir';

/** `director bundle <dir>`: the app's bundler (esbuild-wasm, same resolver) on a folder from disk. */
export async function bundleDir(dir: string): Promise<BundleOutput & { files: number; assets: number }> {
  const project = await readProjectDir(dir);
  const bundler = makeProjectBundler(esbuild);
  try {
    const out = await bundler.build({ files: project.files, assetNames: new Set(project.assets.keys()) });
    return { ...out, files: project.files.size, assets: project.assets.size };
  } finally {
    await bundler.dispose();
  }
}

export async function bundleCommand(args: { dir: string; json: boolean }): Promise<number> {
  const out = await bundleDir(args.dir);
  if (args.json) {
    const { code: _code, ...rest } = out;
    console.log(JSON.stringify({ ok: rest.ok, bytes: rest.bytes, ms: Math.round(rest.ms), entry: rest.entry, errors: rest.errors, warnings: rest.warnings }));
  } else {
    for (const d of [...out.errors, ...out.warnings]) console.error(`${d.severity}: ${formatDiagnostic(d)}`);
    console.log(out.ok ? `Bundled ${out.entry} (${out.files} files, ${out.assets} assets): ${out.bytes} bytes in ${Math.round(out.ms)} ms` : `Bundle failed with ${out.errors.length} error(s).`);
  }
  return out.ok ? 0 : 1;
}
