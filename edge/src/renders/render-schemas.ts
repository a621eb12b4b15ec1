// The render request is one contract with the app and the render service: src/core/contracts/render-request.ts.
export { RENDER_ID, renderStartRequest } from '../../../src/core/contracts/render-request';
