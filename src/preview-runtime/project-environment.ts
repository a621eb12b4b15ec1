import type { ComponentType } from 'react';
import * as Remotion from 'remotion';
import { asCommonJs, VENDORED_MODULES } from './module-registry';
import { makeRemotionCompat, type StaticFileInfo } from './remotion-compat';
import { makeScopedDelayRender } from './render-scope';
import { assetNameOfUrl, localNameOfRemote, missingAssetMessage, namedAssetUrl } from '../core/remotion-compat';

/** One asset as the runtime holds it: its object URL and size. */
export interface RuntimeAsset {
  url: string;
  size: number;
}

export interface EnvironmentOptions {
  /** A compatibility note for the host (remote assets, fonts), once per code. */
  warn?: (code: string, message: string, urls?: string[]) => void;
  /** The project called remotion's global cancelRender(): renders in progress stop with this error. */
  onCancelRender?: (error: Error) => void;
}

/**
 * What one evaluation of a project bundle sees: `require` for vendored packages (with a
 * `remotion` whose registerRoot and staticFile belong to this project), and `__director`, the
 * hooks the bundler's generated modules call for CSS, assets and fonts.
 */
export function makeProjectEnvironment(assets: ReadonlyMap<string, RuntimeAsset>, options: EnvironmentOptions = {}) {
  let root: ComponentType | null = null;
  const styles: HTMLStyleElement[] = [];
  const warned = new Map<string, string>();
  const warn = (code: string, message: string, urls?: string[]) => {
    if (warned.get(code) === message) return;
    warned.set(code, message);
    console.warn(`[director] ${message}`);
    options.warn?.(code, message, urls);
  };

  const staticFile = (name: string): string => {
    const clean = decodeURIComponent(String(name)).replace(/^\/+/, '').replace(/^public\//, '');
    const asset = assets.get(clean);
    if (asset) return namedAssetUrl(asset.url, clean);
    if (/^(https?:|data:|blob:)/.test(name)) return name;
    throw new Error(missingAssetMessage(clean, [...assets.keys()]));
  };

  /**
   * A URL project code fetches: an asset URL whose name (in its fragment) was rewritten by the
   * project, e.g. video.mp4 → video.json, is answered with that asset or a clear error.
   */
  const resolveFetch = (url: string): string | Error | null => {
    const name = assetNameOfUrl(url);
    if (name === null) return null;
    const asset = assets.get(name);
    return asset ? asset.url : new Error(missingAssetMessage(name, [...assets.keys()]));
  };

  const staticFiles = (): StaticFileInfo[] =>
    [...assets].map(([name, a]) => ({ name, src: namedAssetUrl(a.url, name), sizeInBytes: a.size, lastModified: 0 }));
  const localCopy = (url: string): string | null => {
    const name = localNameOfRemote(url);
    const asset = name ? assets.get(name) : undefined;
    return asset && name ? namedAssetUrl(asset.url, name) : null;
  };
  const compat = makeRemotionCompat({ staticFiles, warn, localCopy });

  const remotion = asCommonJs(Remotion, {
    ...compat,
    ...makeScopedDelayRender(),
    registerRoot(component: ComponentType) {
      if (!component) throw new Error('registerRoot() needs a React component, e.g. registerRoot(Root).');
      root = component;
    },
    staticFile,
    // The web renderer waits on its own scope, not the window the global cancelRender marks: tell the runtime.
    cancelRender(error: unknown) {
      options.onCancelRender?.(error instanceof Error ? error : new Error(typeof error === 'string' ? error : 'Rendering was cancelled by the project (cancelRender).'));
      return Remotion.cancelRender(error);
    },
  });
  // Projects of Remotion 4.0.x+ may import getStaticFiles/watchStaticFile from @remotion/studio.
  const studio = asCommonJs({ getStaticFiles: compat.getStaticFiles, watchStaticFile: compat.watchStaticFile });
  const modules = new Map<string, object>();
  for (const [specifier, namespace] of Object.entries(VENDORED_MODULES)) modules.set(specifier, specifier === 'remotion' ? remotion : asCommonJs(namespace));
  modules.set('@remotion/studio', studio);
  const font = (family: string) => googleFont(family, warn);

  const require = (specifier: string): object => {
    const family = /^@remotion\/google-fonts\/(.+)$/.exec(specifier);
    if (family) return font(family[1]!);
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
    googleFont: font,
  };

  return {
    require,
    director,
    getRoot: () => root,
    resolveFetch,
    dispose() {
      for (const s of styles) s.remove();
    },
  };
}

/**
 * @remotion/google-fonts/<Font> without the package's per-font data or the network (the sandbox
 * has none): the family is named in CSS with a local fallback, so text lays out and renders; a
 * FontFace the project loads itself from its assets (staticFile) still works as usual. One
 * warning per font says that the real face is not used.
 */
function googleFont(family: string, warn: (code: string, message: string) => void) {
  const name = family.replace(/([a-z])([A-Z0-9])/g, '$1 $2');
  const fontFamily = `'${name}', system-ui, sans-serif`;
  const loadFont = () => {
    warn(`google-font:${name}`, `Font "${name}" (@remotion/google-fonts) is not available offline; text uses a local fallback font. Add the font file to the project's assets and load it with FontFace to use the real one.`);
    return { fontFamily, fonts: {}, unicodeRanges: {}, waitUntilDone: () => Promise.resolve(undefined) };
  };
  return asCommonJs({ loadFont, fontFamily, getInfo: () => ({ fontFamily: name, importName: family, version: 'local', url: '', unicodeRanges: {}, fonts: {} }) });
}
