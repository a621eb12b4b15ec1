// Director's own templates, imported from the app's source, so the service is tested on the
// projects users actually start from.
import { basicTemplate } from '../../../../src/core/templates/basic';
import { explainerTemplate } from '../../../../src/core/templates/explainer';
import type { RenderRequest } from '../../src/contract/render-request.js';

export interface TemplateRender {
  width: number;
  height: number;
  fps: number;
}

/** A POST /renders body for a template project made at the given size. */
export function templateRequest(id: 'basic' | 'explainer', { width, height, fps }: TemplateRender, extra: Partial<RenderRequest> = {}) {
  const template = id === 'basic' ? basicTemplate : explainerTemplate;
  return {
    source: { entry: 'src/index.ts', files: template.files({ name: 'Director test', width, height, fps }) },
    composition: id === 'basic' ? 'Main' : 'Explainer',
    codec: 'h264',
    width,
    height,
    ...extra,
  };
}
