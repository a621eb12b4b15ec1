import { VENDORED_PACKAGES, type VendoredPackage } from '../../bundler/vendored-packages';

/**
 * The versions the preview runtime ships (the app's package.json pins them). A project's
 * package.json lists what it uses, so an exported project installs the same versions.
 */
export const VENDORED_VERSIONS: Record<VendoredPackage, string> = Object.fromEntries(
  VENDORED_PACKAGES.map((p) => [p, p === 'react' || p === 'react-dom' ? '19.3.1' : p === 'zod' ? '4.5.4' : '4.0.527']),
) as Record<VendoredPackage, string>;

export const DEFAULT_DEPENDENCIES: readonly VendoredPackage[] = ['react', 'react-dom', 'remotion', 'zod', '@remotion/zod-types', '@remotion/transitions', '@remotion/shapes'];

export interface PackageManifest {
  name: string;
  private: true;
  dependencies: Record<string, string>;
  [key: string]: unknown;
}

export function defaultPackageJson(name: string): string {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'director-project';
  const manifest: PackageManifest = { name: slug, private: true, dependencies: Object.fromEntries(DEFAULT_DEPENDENCIES.map((p) => [p, VENDORED_VERSIONS[p]])) };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
