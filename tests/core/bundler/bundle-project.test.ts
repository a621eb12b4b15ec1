import * as esbuild from 'esbuild-wasm';
import { afterAll, describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../../src/core/bundler/build-diagnostics';
import { makeProjectBundler } from '../../../src/core/bundler/bundle-project';

const files = (entries: Record<string, string>) => new Map(Object.entries(entries));
const project = {
  'src/index.ts': "import {registerRoot} from 'remotion';\nimport {Root} from './Root';\nregisterRoot(Root);\n",
  'src/Root.tsx':
    "import {Composition} from 'remotion';\nimport {Title} from './Title';\nimport data from './data.json';\nimport './styles.css';\nimport logo from './logo.png';\nexport const Root = () => <Composition id=\"Main\" component={Title} durationInFrames={data.frames} fps={30} width={1280} height={720} defaultProps={{logo}} />;\n",
  'src/Title.tsx': "export const Title = ({logo}: {logo: string}) => <h1 className=\"title\">Hello <img src={logo} /></h1>;\n",
  'src/data.json': '{"frames": 90}',
  'src/styles.css': '.title { color: red; }',
};

const bundler = makeProjectBundler(esbuild);
afterAll(() => bundler.dispose());

describe('makeProjectBundler (real esbuild-wasm)', () => {
  it('bundles a Remotion project to CommonJS with vendored packages external', async () => {
    const out = await bundler.build({ files: files(project), assetNames: new Set(['logo.png']) });
    expect(out.errors).toEqual([]);
    expect(out.ok).toBe(true);
    expect(out.entry).toBe('src/index.ts');
    expect(out.code).toMatch(/require\("remotion"\)/);
    expect(out.code).toMatch(/require\("react\/jsx-runtime"\)/);
    expect(out.code).toContain('__director.injectCss(".title { color: red; }", "src/styles.css")');
    expect(out.code).toContain('__director.assetUrl("logo.png")');
    expect(out.code).toMatch(/frames: 90/);
  });

  it('maps a syntax error to file:line:col', async () => {
    const broken = { ...project, 'src/Title.tsx': 'export const Title = () => <h1>Hello</h1\n;\n' };
    const out = await bundler.build({ files: files(broken), assetNames: new Set(['logo.png']) });
    expect(out.ok).toBe(false);
    expect(out.errors[0]).toMatchObject({ file: 'src/Title.tsx', line: 2, severity: 'error' });
    expect(formatDiagnostic(out.errors[0]!)).toMatch(/^src\/Title\.tsx:2:\d+ /);
  });

  it('reports an unknown package at the import that asks for it', async () => {
    const out = await bundler.build({ files: files({ ...project, 'src/Title.tsx': "import _ from 'lodash';\nexport const Title = () => _.identity(null);\n" }), assetNames: new Set(['logo.png']) });
    expect(out.ok).toBe(false);
    expect(out.errors[0]).toMatchObject({ file: 'src/Title.tsx', line: 1 });
    expect(out.errors[0]!.message).toMatch(/Package "lodash" is not available/);
  });

  it('rebuilds after an edit and picks up the new source', async () => {
    await bundler.build({ files: files(project), assetNames: new Set(['logo.png']) });
    const edited = { ...project, 'src/Title.tsx': project['src/Title.tsx'].replace('Hello', 'Goodbye') };
    const out = await bundler.build({ files: files(edited), assetNames: new Set(['logo.png']) });
    expect(out.ok).toBe(true);
    expect(out.code).toContain('Goodbye');
    expect(out.code).not.toContain('Hello');
  });

  it('builds each of several overlapping requests from its own sources, in order', async () => {
    const fresh = makeProjectBundler(esbuild);
    const words = ['Alpha', 'Bravo', 'Charlie'];
    const outs = await Promise.all(
      words.map((w) => fresh.build({ files: files({ ...project, 'src/Title.tsx': project['src/Title.tsx'].replace('Hello', w) }), assetNames: new Set(['logo.png']) })),
    );
    await fresh.dispose();
    outs.forEach((out, i) => {
      expect(out.ok).toBe(true);
      expect(out.code).toContain(words[i]);
      for (const other of words.filter((_, j) => j !== i)) expect(out.code).not.toContain(other);
    });
  });

  it('says what to add when there is no entry point', async () => {
    const out = await bundler.build({ files: files({ 'src/Root.tsx': 'export const Root = () => null;' }), assetNames: new Set() });
    expect(out.ok).toBe(false);
    expect(out.errors[0]!.message).toMatch(/add src\/index\.ts calling registerRoot/);
  });

  it('tells a project without any code how to start rather than what entry point it lacks', async () => {
    const out = await bundler.build({ files: files({}), assetNames: new Set() });
    expect(out.ok).toBe(false);
    expect(out.errors[0]!.message).toBe('This project has no code yet: pick a template or describe the video to the Director in the Code view.');
  });
});

describe('templates', () => {
  it.each(['basic', 'product-showcase', 'explainer'])('%s bundles cleanly at every size preset', async (id) => {
    const { templateById } = await import('../../../src/core/templates');
    const { SIZE_PRESETS } = await import('../../../src/core/project/project');
    const template = templateById(id)!;
    for (const size of SIZE_PRESETS) {
      const out = await bundler.build({ files: files(template.files({ name: 'Test', width: size.width, height: size.height, fps: 30 })), assetNames: new Set() });
      expect(out.errors).toEqual([]);
      expect(out.code).toMatch(new RegExp(`width: ${size.width}`));
    }
  });
});
