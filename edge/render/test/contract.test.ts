import { describe, expect, it } from 'vitest';
// The edge's schema: the service must accept exactly what the edge forwards.
import { renderStartRequest as edgeSchema } from '../../src/renders/render-schemas';
import { renderStartRequest as serviceSchema } from '../src/contract/render-request.js';
import { templateRequest } from './support/template-project.js';

const valid = templateRequest('basic', { width: 1280, height: 720, fps: 30 });
/** Each body with the field the schema must name, or null when it is accepted. */
const samples: [unknown, (string | number)[] | null][] = [
  [valid, null],
  [{ ...valid, inputProps: { title: 'x' }, fps: 24, frameRange: [0, 10] }, null],
  [{ ...valid, assets: [{ path: 'logo.png', mimeType: 'image/png', data: 'iVBORw0KGgo=' }] }, null],
  [{ ...valid, assets: [{ path: 'clip.mp4', url: 'https://example.com/clip.mp4' }] }, null],
  [{ ...valid, assets: [{ path: 'clip.mp4', url: 'http://example.com/clip.mp4' }] }, ['assets', 0]],
  [{ ...valid, assets: [{ path: 'x', mimeType: 'image/png', data: 'not base64!' }] }, ['assets', 0]],
  [{ ...valid, width: 15 }, ['width']],
  [{ ...valid, codec: 'av1' }, ['codec']],
  [{ ...valid, extra: true }, []],
  [{ ...valid, source: { entry: 'src/missing.ts', files: valid.source.files } }, ['source', 'entry']],
  [{ ...valid, source: { entry: '/abs.ts', files: { '/abs.ts': '' } } }, ['source', 'entry']],
  [{ ...valid, source: { entry: 'a\\b.ts', files: { 'a\\b.ts': '' } } }, ['source', 'entry']],
  [{ ...valid, source: { entry: 'src/index.ts', files: {} } }, ['source', 'files']],
];

describe('request schema', () => {
  it('is the one contract the edge checks too (src/core/contracts), not a copy', () => {
    expect(serviceSchema).toBe(edgeSchema);
  });

  it('accepts the bodies the app sends and names the field of a bad one', () => {
    for (const [sample, field] of samples) {
      const result = serviceSchema.safeParse(sample);
      expect(result.success, JSON.stringify(sample).slice(0, 120)).toBe(field === null);
      if (!result.success && field) expect(result.error.issues[0]!.path.slice(0, field.length)).toEqual(field);
    }
  });
});
