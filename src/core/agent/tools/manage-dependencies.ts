import { z } from 'zod';
import { packageNameOf, VENDORED_PACKAGES } from '../../bundler/vendored-packages';
import { defineTool, fail } from './tool-types';
import { defaultPackageJson, VENDORED_VERSIONS, type PackageManifest } from './package-manifest';

const args = z.object({
  action: z.enum(['add', 'remove']),
  packages: z.array(z.string().trim().min(1).max(214)).min(1).max(20).describe('npm package names, e.g. "@remotion/transitions"'),
});

/**
 * Adds or removes packages in the project's package.json. Projects run offline on a fixed set of
 * vendored packages, so anything else is refused with the list of what is available.
 */
export const manageDependencies = defineTool({
  name: 'manage_dependencies',
  description: `Add or remove packages in package.json. Only these packages exist (offline, preinstalled): ${VENDORED_PACKAGES.join(', ')}. Anything else is refused; write the code yourself instead.`,
  args,
  mutates: true,
  async run(a, { workspace, projectMapper }) {
    // "lodash@4" -> "lodash", "@remotion/shapes/x" -> "@remotion/shapes": versions are not the model's choice.
    const names = [...new Set(a.packages.map((p) => packageNameOf(p.replace(/(.)@[^/]*$/, '$1'))))];
    const unavailable = names.filter((n) => !(VENDORED_PACKAGES as readonly string[]).includes(n));
    if (a.action === 'add' && unavailable.length) {
      return fail('package_not_available', `Not available in Director: ${unavailable.join(', ')}. Projects run offline with a fixed package set: ${VENDORED_PACKAGES.join(', ')}. Nothing was changed.`);
    }
    const file = await workspace.readFile('package.json');
    let manifest: PackageManifest;
    try {
      manifest = JSON.parse(file?.content ?? defaultPackageJson((await workspace.settings()).name)) as PackageManifest;
      manifest.dependencies ??= {};
    } catch (e) {
      return fail('invalid_package_json', `package.json is not valid JSON (${(e as Error).message}); fix it with atomic_edit first.`);
    }
    if (a.action === 'remove') {
      const { files } = await projectMapper.map(new Map((await workspace.listFiles()).map((f) => [f.path, f.content])));
      const inUse = names.flatMap((n) => files.filter((f) => f.imports.some((i) => packageNameOf(i.from) === n)).map((f) => `${n} (imported by ${f.path})`));
      if (inUse.length) return fail('package_in_use', `Still imported: ${inUse.join(', ')}. Remove the imports first.`);
      for (const n of names) delete manifest.dependencies[n];
    } else {
      for (const n of names) manifest.dependencies[n] = VENDORED_VERSIONS[n as keyof typeof VENDORED_VERSIONS];
    }
    manifest.dependencies = Object.fromEntries(Object.entries(manifest.dependencies).sort(([x], [y]) => x.localeCompare(y)));
    const content = `${JSON.stringify(manifest, null, 2)}\n`;
    const written = await workspace.applyChanges([{ path: 'package.json', content, expectedHash: file ? file.hash : null }]);
    if (!written.ok) return fail(written.code, written.message);
    return {
      ok: true,
      summary: `${a.action === 'add' ? 'added' : 'removed'} ${names.join(', ')}`,
      output: { dependencies: manifest.dependencies },
      changedFiles: file?.content === content ? [] : ['package.json'],
    };
  },
});
