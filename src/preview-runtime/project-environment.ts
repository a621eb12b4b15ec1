import type { ComponentType } from 'react';
import * as Remotion from 'remotion';
import { asCommonJs, VENDORED_MODULES } from './module-registry';

/**
 * What one evaluation of a project bundle sees: `require` for vendored packages (with a
 * `remotion` whose registerRoot and staticFile belong to this project), and `__director`, the
 * hooks the bundler's generated modules call for CSS, assets and fonts.
 */
export function makeProjectEnvironment(assets: ReadonlyMap<string, string>) {
  let root: ComponentType | null = null;
  const styles: HTMLStyleElement[] = [];

  const staticFile = (name: string): string => {
    const clean = decodeURIComponent(String(name)).replace(/^\/+/, '').replace(/^public\//, '');
    const url = assets.get(clean);
    if (url) return url;
    if (/^(https?:|data:|blob:)/.test(name)) return name;
    const known = [...assets.keys()];
    throw new Error(`staticFile("${name}"): this project has no asset named "${clean}". ${known.length ? `Assets: ${known.slice(0, 20).join(', ')}` : 'Add it in the Assets panel.'}`);
  };

  const remotion = asCommonJs(Remotion, {
    registerRoot(component: ComponentType) {
      if (!component) throw new Error('registerRoot() needs a React component, e.g. registerRoot(Root).');
      root = component;
    },
    staticFile,
  });
  const modules = new Map<string, object>();
  for (const [specifier, namespace] of Object.entries(VENDORED_MODULES)) modules.set(specifier, specifier === 'remotion' ? remotion : asCommonJs(namespace));

  const require = (specifier: string): object => {
    const font = /^@remotion\/google-fonts\/(.+)$/.exec(specifier);
    if (font) return googleFont(font[1]!);
    const module = modules.get(specifier);
    if (!module) throw new Error(`Package "${specifier}" is not available in the preview.`);
    return module;
  };

  const director = {
    injectCss(css: string, path: string) {
      const style = document.createElement('style');
      style.dataset.source = path;
      style.textContent = css;
      document.head.append(style);
      styles.push(style);
    },
    assetUrl: staticFile,
    googleFont,
  };

  return {
    require,
    director,
    getRoot: () => root,
    dispose() {
      for (const s of styles) s.remove();
    },
  };
}

const loadedFonts = new Set<string>();

/**
 * @remotion/google-fonts/<Font> without the package's per-font data: the font's CSS is requested
 * from Google when the network allows, and the family falls back to a local font otherwise.
 */
function googleFont(family: string) {
  const name = family.replace(/([a-z])([A-Z0-9])/g, '$1 $2');
  const fontFamily = `'${name}', system-ui, sans-serif`;
  const loadFont = () => {
    if (!loadedFonts.has(name)) {
      loadedFonts.add(name);
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.crossOrigin = 'anonymous';
      link.href = `https://fonts.googleapis.com/css2?family=${encodeURIComponent(name)}:wght@300;400;500;600;700;800&display=swap`;
      link.onerror = () => console.warn(`[director] Font "${name}" could not be loaded (offline?); using a local font instead.`);
      document.head.append(link);
    }
    return { fontFamily, fonts: {}, unicodeRanges: {}, waitUntilDone: () => Promise.resolve(undefined) };
  };
  return asCommonJs({ loadFont, fontFamily, getInfo: () => ({ fontFamily: name, importName: family, version: 'local', url: '', unicodeRanges: {}, fonts: {} }) });
}
