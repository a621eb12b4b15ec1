import { basicTemplate } from './basic';
import { beatMontageTemplate } from './beat-montage';
import { explainerTemplate } from './explainer';
import { productShowcaseTemplate } from './product-showcase';
import { scenesTemplate } from './scenes';
import type { ProjectTemplate } from './template-types';

export type { ProjectTemplate, TemplateOptions } from './template-types';

export const TEMPLATES: readonly ProjectTemplate[] = [basicTemplate, productShowcaseTemplate, explainerTemplate, beatMontageTemplate, scenesTemplate];

export function templateById(id: string): ProjectTemplate | undefined {
  return TEMPLATES.find((t) => t.id === id);
}
