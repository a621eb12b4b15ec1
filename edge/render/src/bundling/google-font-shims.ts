import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const FONT_IMPORT = /@remotion\/google-fonts\/([A-Za-z0-9]+)/g;
/** A font file that does not arrive in this time is given up on (offline: it fails at once). */
const FONT_TIMEOUT_MS = 8000;

/** Where @remotion/google-fonts keeps its per-font ES modules. */
function realFontDir(): string {
  return path.join(path.dirname(require.resolve('@remotion/google-fonts/package.json')), 'dist', 'esm');
}

/**
 * Google fonts need the network, which a render machine may not have. The real package then
 * retries, fails, and the render dies on a delayRender timeout. Projects import
 * `@remotion/google-fonts/<Font>` through these shims instead (a webpack alias): they keep the
 * real font data, try each font file once with a time limit, and on failure keep rendering with
 * a local fallback, the same family string the in-browser preview uses.
 */
export class GoogleFontShims {
  readonly dir: string;

  constructor(
    workDir: string,
    private readonly mode: 'auto' | 'local',
  ) {
    this.dir = path.join(workDir, `font-shims-${mode}`);
  }

  async init(): Promise<void> {
    await fs.mkdir(this.dir, { recursive: true });
    await fs.writeFile(path.join(this.dir, 'index.mjs'), `export * from ${JSON.stringify(path.join(realFontDir(), 'index.mjs'))};\n`);
  }

  /** Writes a shim for every font the sources import that the package knows; unknown ones stay unresolved (a build error naming them). */
  async prepare(files: Record<string, string>): Promise<void> {
    const fonts = new Set<string>();
    for (const text of Object.values(files)) for (const m of text.matchAll(FONT_IMPORT)) fonts.add(m[1]!);
    for (const font of fonts) {
      const real = path.join(realFontDir(), `${font}.mjs`);
      const shim = path.join(this.dir, `${font}.mjs`);
      if (!(await exists(real)) || (await exists(shim))) continue;
      await fs.writeFile(shim, shimSource(real, this.mode));
    }
  }
}

const exists = (p: string) => fs.access(p).then(() => true, () => false);

function shimSource(realPath: string, mode: 'auto' | 'local'): string {
  return `import {continueRender, delayRender} from 'remotion';
import {getInfo} from ${JSON.stringify(realPath)};
export * from ${JSON.stringify(realPath)};

const TRY_NETWORK = ${mode === 'auto'};
const meta = getInfo();
const requested = new Set();
export const fontFamily = "'" + meta.fontFamily + "', system-ui, sans-serif";

const loadOne = (style, weight, subset, url) => {
  const face = new FontFace(meta.fontFamily, 'url(' + JSON.stringify(url) + ')', {style, weight, unicodeRange: meta.unicodeRanges[subset]});
  const handle = delayRender('Loading font ' + meta.fontFamily + ' ' + style + ' ' + weight + ' ' + subset, {timeoutInMilliseconds: ${FONT_TIMEOUT_MS * 3}});
  let timer;
  const timeout = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error('timed out')), ${FONT_TIMEOUT_MS}); });
  return Promise.race([face.load(), timeout])
    .then(() => { document.fonts.add(face); }, () => { console.warn('[director] Font "' + meta.fontFamily + '" could not be loaded (offline?); using a local font instead.'); })
    .finally(() => { clearTimeout(timer); continueRender(handle); });
};

export const loadFont = (style, options) => {
  const styles = Object.keys(meta.fonts);
  const chosen = style && meta.fonts[style] ? style : styles.includes('normal') ? 'normal' : styles[0];
  const weights = meta.fonts[chosen] ?? {};
  const promises = [];
  if (TRY_NETWORK && typeof FontFace !== 'undefined') {
    for (const weight of options?.weights ?? Object.keys(weights)) {
      const bySubset = weights[weight] ?? {};
      const subsets = options?.subsets ?? (bySubset.latin ? ['latin'] : Object.keys(bySubset));
      for (const subset of subsets) {
        const url = bySubset[subset];
        const key = [chosen, weight, subset].join('|');
        if (!url || requested.has(key)) continue;
        requested.add(key);
        promises.push(loadOne(chosen, weight, subset, url));
      }
    }
  }
  return {fontFamily, fonts: meta.fonts, unicodeRanges: meta.unicodeRanges, waitUntilDone: () => Promise.all(promises).then(() => undefined)};
};
export const loadVariableFont = loadFont;
`;
}
