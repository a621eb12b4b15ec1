import type { CompositionInfo } from '../preview/sandbox-protocol';

const COMPOSITION = /<(?:Composition|Still)\b([^>]*?)\/?>/gs;
const number = (attrs: string, name: string) => {
  const m = new RegExp(`\\b${name}=\\{\\s*(\\d+(?:\\.\\d+)?)\\s*\\}`).exec(attrs);
  return m ? Number(m[1]) : null;
};

/**
 * The <Composition>s a project's sources declare, read from the text (ids and literal sizes), for
 * when the project cannot run in the browser engine and so cannot report them itself: the server
 * render only needs the id, and its renderer reads the real metadata.
 * @example declaredCompositions(new Map([['src/Root.tsx', '<Composition id="Scene" width={1280} height={720} fps={30} durationInFrames={90} />']]))
 *   // [{ id: 'Scene', width: 1280, height: 720, fps: 30, durationInFrames: 90, defaultProps: {}, propsSchema: null }]
 */
export function declaredCompositions(files: ReadonlyMap<string, string>): CompositionInfo[] {
  const found = new Map<string, CompositionInfo>();
  for (const [path, source] of files) {
    if (!/\.(tsx|jsx)$/.test(path)) continue;
    for (const m of source.matchAll(COMPOSITION)) {
      const attrs = m[1]!;
      const id = /\bid=(?:"([^"]+)"|'([^']+)'|\{\s*["'`]([^"'`]+)["'`]\s*\})/.exec(attrs);
      const name = id?.[1] ?? id?.[2] ?? id?.[3];
      if (!name || found.has(name)) continue;
      found.set(name, {
        id: name,
        width: number(attrs, 'width') ?? 1920,
        height: number(attrs, 'height') ?? 1080,
        fps: number(attrs, 'fps') ?? 30,
        durationInFrames: number(attrs, 'durationInFrames') ?? 1,
        defaultProps: {},
        propsSchema: null,
      });
    }
  }
  return [...found.values()];
}
