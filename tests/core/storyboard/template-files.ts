import { TEMPLATES } from '../../../src/core/templates';

/** Each template's src/Root.tsx, as a project started from it has. */
export const templateFiles = (): [string, string][] =>
  TEMPLATES.map((t) => [t.id, t.files({ name: 'Test', width: 1280, height: 720, fps: 30 })['src/Root.tsx']!]);
