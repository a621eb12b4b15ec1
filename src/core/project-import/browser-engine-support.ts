import { packageNameOf } from '../bundler/vendored-packages';

/**
 * Packages real Remotion projects import that the browser engine does not carry, and what happens
 * to a project that uses them: the render service (full @remotion/renderer with the project's own
 * node_modules) can render those marked `server`; the rest are not supported in Director.
 */
const SERVER_RENDERED: Record<string, string> = {
  three: '3D scenes (Three.js)',
  '@remotion/three': '3D scenes (Three.js)',
  '@react-three/fiber': '3D scenes (Three.js)',
  '@react-three/drei': '3D scenes (Three.js)',
  '@remotion/lottie': 'Lottie animations',
  'lottie-web': 'Lottie animations',
  '@remotion/skia': 'Skia drawing',
  '@shopify/react-native-skia': 'Skia drawing',
  '@remotion/gif': 'animated GIFs',
  '@remotion/rive': 'Rive animations',
  '@rive-app/canvas-advanced': 'Rive animations',
  '@remotion/tailwind': 'Tailwind CSS',
  '@remotion/tailwind-v4': 'Tailwind CSS',
  '@remotion/lambda': 'Remotion Lambda',
  '@remotion/renderer': 'server rendering APIs',
  '@remotion/bundler': 'server rendering APIs',
  '@remotion/player': 'the Remotion Player',
  '@remotion/media-parser': 'media parsing',
  '@remotion/fonts': 'font loading',
  '@remotion/motion-blur': 'motion blur',
  '@remotion/preload': 'preloading',
};

export type DependencySupport = 'server' | 'unsupported';

export interface UnsupportedDependency {
  /** The package, e.g. "three". */
  name: string;
  support: DependencySupport;
  /** The project files that import it. */
  importedFrom: string[];
  /** One sentence for the import report and the Render view. */
  message: string;
}

/** How a package the browser engine lacks is handled, with the sentence people read. */
export function describeUnsupportedPackage(specifier: string, importedFrom: string[]): UnsupportedDependency {
  const name = packageNameOf(specifier.replace(/^node:/, ''));
  const feature = SERVER_RENDERED[name];
  const where = importedFrom.slice(0, 3).join(', ') + (importedFrom.length > 3 ? ', …' : '');
  return feature
    ? { name, support: 'server', importedFrom, message: `uses \`${name}\` (${feature}, in ${where}) — not available in the browser engine; the server render handles it.` }
    : { name, support: 'unsupported', importedFrom, message: `uses \`${name}\` (in ${where}) — not supported in Director.` };
}
