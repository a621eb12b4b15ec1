// What GET /renders/:id answers: one contract with the edge and the app's Render view.
export type { RenderAnswer, RenderFailure, RenderStage, RenderStatus, RenderView } from '../../../../src/core/contracts/render-view.js';
