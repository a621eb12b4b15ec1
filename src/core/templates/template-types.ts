/** A starting point for a project: Remotion source files made for the project's size and fps. */
export interface ProjectTemplate {
  id: 'basic' | 'product-showcase' | 'explainer' | 'beat-montage' | 'scenes';
  label: string;
  description: string;
  files(options: TemplateOptions): Record<string, string>;
}

export interface TemplateOptions {
  name: string;
  width: number;
  height: number;
  fps: number;
}

/** Quotes a value for generated TypeScript source. */
export const q = (value: string | number) => JSON.stringify(value);

export const indexFile = "import {registerRoot} from 'remotion';\nimport {Root} from './Root';\n\nregisterRoot(Root);\n";
