import { describe, expect, it } from 'vitest';
// The edge's own schema: the service must accept exactly what the edge forwards.
import { renderStartRequest as edgeSchema } from '../../src/renders/render-schemas';
import { renderStartRequest as serviceSchema } from '../src/contract/render-request.js';
import { templateRequest } from './support/template-project.js';

const valid = templateRequest('basic', { width: 1280, height: 720, fps: 30 });
const samples: unknown[] = [
  valid,
  { ...valid, inputProps: { title: 'x' }, fps: 24, frameRange: [0, 10] },
  { ...valid, assets: [{ path: 'logo.png', mimeType: 'image/png', data: 'iVBORw0KGgo=' }] },
  { ...valid, assets: [{ path: 'clip.mp4', url: 'https://example.com/clip.mp4' }] },
  { ...valid, assets: [{ path: 'clip.mp4', url: 'http://example.com/clip.mp4' }] },
  { ...valid, assets: [{ path: 'x', mimeType: 'image/png', data: 'not base64!' }] },
  { ...valid, width: 15 },
  { ...valid, codec: 'av1' },
  { ...valid, extra: true },
  { ...valid, source: { entry: 'src/missing.ts', files: valid.source.files } },
  { ...valid, source: { entry: '/abs.ts', files: { '/abs.ts': '' } } },
  { ...valid, source: { entry: 'a\\b.ts', files: { 'a\\b.ts': '' } } },
  { ...valid, source: { entry: 'src/index.ts', files: {} } },
];

describe('request schema', () => {
  it('accepts and rejects the same bodies as the edge, naming the same field', () => {
    for (const sample of samples) {
      const edge = edgeSchema.safeParse(sample);
      const service = serviceSchema.safeParse(sample);
      expect(service.success, JSON.stringify(sample).slice(0, 120)).toBe(edge.success);
      if (!edge.success && !service.success) expect(service.error.issues[0]!.path).toEqual(edge.error.issues[0]!.path);
    }
  });
});
