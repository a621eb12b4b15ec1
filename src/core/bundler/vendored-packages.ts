/**
 * The packages a project can import. They are bundled once into the preview runtime and shared by
 * every project (one React, one Remotion); project code imports them by these exact specifiers.
 * `@remotion/google-fonts/<Font>` is a pattern: any font name resolves to a local shim.
 */
export const TRANSITIONS = [
  'fade', 'slide', 'wipe', 'flip', 'clock-wipe', 'book-flip', 'zoom-blur', 'dreamy-zoom', 'film-burn',
  'linear-blur', 'zoom-in-out', 'none', 'iris', 'dissolve', 'ripple', 'crosswarp', 'cross-zoom', 'swap',
  'push-cut', 'blur-slide',
] as const;

export const VENDORED_PACKAGES = [
  'react',
  'react-dom',
  'remotion',
  'zod',
  '@remotion/transitions',
  '@remotion/shapes',
  '@remotion/paths',
  '@remotion/noise',
  '@remotion/media-utils',
  '@remotion/layout-utils',
  '@remotion/animation-utils',
  '@remotion/captions',
  '@remotion/zod-types',
  '@remotion/google-fonts',
  '@remotion/media',
] as const;

export type VendoredPackage = (typeof VENDORED_PACKAGES)[number];

/** Every exact specifier the runtime provides. */
export const VENDORED_SPECIFIERS: readonly string[] = [
  'react',
  'react/jsx-runtime',
  'react/jsx-dev-runtime',
  'react-dom',
  'react-dom/client',
  'remotion',
  'remotion/no-react',
  'zod',
  'zod/v4',
  '@remotion/transitions',
  ...TRANSITIONS.map((t) => `@remotion/transitions/${t}`),
  '@remotion/shapes',
  '@remotion/paths',
  '@remotion/noise',
  '@remotion/media-utils',
  '@remotion/layout-utils',
  '@remotion/animation-utils',
  '@remotion/captions',
  '@remotion/zod-types',
  '@remotion/media',
];

/**
 * Specifiers the runtime answers with a small shim of its own rather than the package: projects
 * written for the Remotion CLI import getStaticFiles/watchStaticFile from @remotion/studio.
 */
export const SHIMMED_SPECIFIERS: readonly string[] = ['@remotion/studio'];

const GOOGLE_FONT = /^@remotion\/google-fonts\/([A-Za-z0-9]+)$/;

/** The font name when the specifier is `@remotion/google-fonts/<Font>`. */
export function googleFontOf(specifier: string): string | null {
  return GOOGLE_FONT.exec(specifier)?.[1] ?? null;
}

export function isVendoredSpecifier(specifier: string): boolean {
  return VENDORED_SPECIFIERS.includes(specifier) || SHIMMED_SPECIFIERS.includes(specifier) || googleFontOf(specifier) !== null;
}

/** "lodash/fp" -> "lodash", "@scope/pkg/sub" -> "@scope/pkg". */
export function packageNameOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/** The message for an import outside the set: names what was asked and lists what is there. */
export function unavailablePackageMessage(specifier: string): string {
  const pkg = packageNameOf(specifier);
  const known = (VENDORED_PACKAGES as readonly string[]).includes(pkg);
  const head = known
    ? `"${specifier}" is not available: ${pkg} is, but not this entry point.`
    : `Package "${pkg}" is not available in Director (projects run offline with a fixed set of packages).`;
  return `${head} Available: ${VENDORED_PACKAGES.join(', ')}${known && pkg === '@remotion/transitions' ? ` (transitions: ${TRANSITIONS.join(', ')})` : ''}.`;
}
