import { resolveImport } from '../bundler/resolve-import';
import { describeUnsupportedPackage, type UnsupportedDependency } from './browser-engine-support';

/** import … from '…', export … from '…', import '…', import('…'), require('…'). */
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)(['"])([^'"\n]+)\1/g;

/** The specifiers a source imports (comments are not stripped: a commented import is rare and only over-reports). */
export function importsOf(source: string): string[] {
  return [...source.matchAll(SPECIFIER)].map((m) => m[2]!);
}

/**
 * The packages the code reachable from `entry` imports that the browser engine does not provide,
 * each with the files that import it. Scripts beside the project (a Whisper script, a config) are
 * not reached from the entry and so not counted.
 */
export function findUnsupportedDependencies(files: ReadonlyMap<string, string>, assetNames: ReadonlySet<string>, entry: string): UnsupportedDependency[] {
  const missing = new Map<string, string[]>();
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length) {
    const path = queue.pop()!;
    if (seen.has(path)) continue;
    seen.add(path);
    const source = files.get(path);
    if (source === undefined || !/\.(tsx?|jsx?|mjs)$/.test(path)) continue;
    for (const specifier of importsOf(source)) {
      const r = resolveImport(specifier, path, files, assetNames);
      if (r.kind === 'file') queue.push(r.path);
      else if (r.kind === 'error' && !/^[./]/.test(specifier)) {
        const importers = missing.get(specifier) ?? [];
        if (!importers.includes(path)) importers.push(path);
        missing.set(specifier, importers);
      }
    }
  }
  // One entry per package, whatever sub-path was imported.
  const byPackage = new Map<string, UnsupportedDependency>();
  for (const [specifier, importers] of missing) {
    const dep = describeUnsupportedPackage(specifier, importers);
    const known = byPackage.get(dep.name);
    byPackage.set(dep.name, known ? describeUnsupportedPackage(specifier, [...new Set([...known.importedFrom, ...importers])]) : dep);
  }
  return [...byPackage.values()].sort((a, b) => a.name.localeCompare(b.name));
}
