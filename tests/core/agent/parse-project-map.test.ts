import { describe, expect, it } from 'vitest';
import { parseProjectMap } from '../../../src/core/agent/project-map/parse-project-map';

describe('parseProjectMap (TypeScript parser, no regexes)', () => {
  const files = new Map([
    [
      'src/Root.tsx',
      `import {Composition, Still} from 'remotion';
import {Promo, promoSchema} from './Promo';
const FPS = 25;
const defaults = {title: 'Launch', scenes: [{label: 'One', seconds: 2}], dark: true, accent: '#f59e0b' as const};
export const Root: React.FC = () => (
  <>
    <Composition id="Promo" component={Promo} durationInFrames={FPS * 10} fps={FPS} width={1080} height={1920} schema={promoSchema} defaultProps={defaults} />
    <Still id="Poster" component={Promo} width={1200} height={630} defaultProps={{...defaults, title: 'Poster'}} />
  </>
);`,
    ],
    [
      'src/Promo.tsx',
      `import {z} from 'zod';
import {zColor} from '@remotion/zod-types';
export const promoSchema = z.object({title: z.string(), scenes: z.array(z.object({label: z.string(), seconds: z.number()})), dark: z.boolean().default(false), accent: zColor()}).strict();
export type PromoProps = z.infer<typeof promoSchema>;
export const Promo = ({title, scenes}: z.infer<typeof promoSchema>) => <div>{title}{scenes.length}</div>;
interface BadgeProps { label: string; tone?: 'warm' | 'cool' }
export function Badge(props: BadgeProps) { return <span>{props.label}</span>; }
const helper = (x: number) => x * 2;
export default Promo;
export {helper};`,
    ],
    ['src/Broken.tsx', 'export const Broken = () => <div>{</div>;'],
    ['package.json', '{"name": "x"}'],
  ]);
  const map = parseProjectMap(files);

  it('finds compositions and stills with statically evaluated values and their schema', () => {
    expect(map.compositions).toHaveLength(2);
    const [promo, poster] = map.compositions;
    expect(promo).toMatchObject({ kind: 'Composition', id: 'Promo', component: 'Promo', fps: 25, width: 1080, height: 1920, durationInFrames: { expression: 'FPS * 10' }, defaultProps: { title: 'Launch', scenes: [{ label: 'One', seconds: 2 }], dark: true, accent: '#f59e0b' } });
    expect(promo!.schema).toMatchObject({ name: 'promoSchema', file: 'src/Promo.tsx' });
    expect((promo!.schema as { fields: { name: string; optional: boolean }[] }).fields.map((f) => `${f.name}${f.optional ? '?' : ''}`)).toEqual(['title', 'scenes', 'dark?', 'accent']);
    expect(poster).toMatchObject({ kind: 'Still', id: 'Poster', width: 1200, defaultProps: { '...': { expression: 'defaults' }, title: 'Poster' } });
  });

  it('lists components with props from z.infer, interfaces and inline types; exports and imports', () => {
    const promo = map.files.find((f) => f.path === 'src/Promo.tsx')!;
    expect(promo.components.map((c) => c.name)).toEqual(['Promo', 'Badge']);
    expect(promo.components[0]!.props.map((p) => p.name)).toEqual(['title', 'scenes', 'dark', 'accent']);
    expect(promo.components[1]!.props).toEqual([{ name: 'label', type: 'string', optional: false }, { name: 'tone', type: "'warm' | 'cool'", optional: true }]);
    expect(promo.exports).toEqual([
      { name: 'promoSchema', kind: 'const' }, { name: 'PromoProps', kind: 'type' }, { name: 'Promo', kind: 'const' },
      { name: 'Badge', kind: 'function' }, { name: 'default', kind: 'default' }, { name: 'helper', kind: 're-export' },
    ]);
    expect(map.files.find((f) => f.path === 'src/Root.tsx')!.imports).toEqual([{ from: 'remotion', names: ['Composition', 'Still'] }, { from: './Promo', names: ['Promo', 'promoSchema'] }]);
  });

  it('reports syntax errors per file and lists non-source files', () => {
    expect(map.files.find((f) => f.path === 'src/Broken.tsx')!.syntaxErrors[0]).toMatch(/^src\/Broken\.tsx:1:\d+ /);
    expect(map.otherFiles).toEqual([{ path: 'package.json', lines: 1 }]);
  });
});
