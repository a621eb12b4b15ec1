import { describe, expect, it } from 'vitest';
import { joinPath, resolveImport } from '../../../src/core/bundler/resolve-import';

const files = new Set(['src/index.ts', 'src/Root.tsx', 'src/scenes/index.tsx', 'src/scenes/Intro.tsx', 'src/data.json', 'src/styles.css', 'src/util.ts']);
const assets = new Set(['logo.png', 'music/theme.mp3']);
const resolve = (spec: string, from = 'src/Root.tsx') => resolveImport(spec, from, files, assets);

describe('resolveImport', () => {
  it('resolves relative imports with and without extensions', () => {
    expect(resolve('./util')).toEqual({ kind: 'file', path: 'src/util.ts' });
    expect(resolve('./util.ts')).toEqual({ kind: 'file', path: 'src/util.ts' });
    expect(resolve('./util.js')).toEqual({ kind: 'file', path: 'src/util.ts' });
    expect(resolve('../Root', 'src/scenes/Intro.tsx')).toEqual({ kind: 'file', path: 'src/Root.tsx' });
  });

  it('resolves folder index files, JSON and CSS', () => {
    expect(resolve('./scenes')).toEqual({ kind: 'file', path: 'src/scenes/index.tsx' });
    expect(resolve('./data.json')).toEqual({ kind: 'file', path: 'src/data.json' });
    expect(resolve('./styles.css')).toEqual({ kind: 'file', path: 'src/styles.css' });
  });

  it('resolves assets by their staticFile name', () => {
    expect(resolve('./logo.png')).toEqual({ kind: 'asset', name: 'logo.png' });
    expect(resolve('../public/logo.png')).toEqual({ kind: 'asset', name: 'logo.png' });
    expect(resolve('/public/music/theme.mp3')).toEqual({ kind: 'asset', name: 'music/theme.mp3' });
  });

  it('resolves vendored packages and their entry points', () => {
    expect(resolve('remotion')).toEqual({ kind: 'package', specifier: 'remotion' });
    expect(resolve('react/jsx-runtime')).toEqual({ kind: 'package', specifier: 'react/jsx-runtime' });
    expect(resolve('@remotion/transitions/fade')).toEqual({ kind: 'package', specifier: '@remotion/transitions/fade' });
    expect(resolve('@remotion/google-fonts/Inter')).toEqual({ kind: 'google-font', font: 'Inter' });
  });

  it('explains an unknown package and lists what is available', () => {
    const r = resolve('lodash/fp');
    expect(r.kind).toBe('error');
    expect(r.kind === 'error' && r.message).toMatch(/Package "lodash" is not available.*Available: react, react-dom, remotion, zod, @remotion\/transitions/);
    const sub = resolve('@remotion/transitions/teleport');
    expect(sub.kind === 'error' && sub.message).toMatch(/not this entry point.*transitions: fade, slide/);
  });

  it('refuses paths that leave the project and names what it looked for', () => {
    expect(resolve('../../../etc/passwd').kind).toBe('error');
    const missing = resolve('./Missing');
    expect(missing.kind === 'error' && missing.message).toMatch(/Cannot find "\.\/Missing" \(imported from src\/Root\.tsx\)\. Looked for src\/Missing/);
  });

  it('joins paths', () => {
    expect(joinPath('src/a', '../b/./c')).toBe('src/b/c');
    expect(joinPath('', '..')).toBeNull();
  });
});
