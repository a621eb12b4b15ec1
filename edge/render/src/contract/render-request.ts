// The body of POST /renders is one contract with the app and the edge
// (src/core/contracts/render-request.ts, compiled into this service's bundle): a body the edge
// accepted is accepted here. The service validates again because it must not trust its network.
import type { Codec } from '../../../../src/core/contracts/render-request.js';

export { RENDER_ID, renderStartRequest, type Codec, type RenderAsset, type RenderRequest } from '../../../../src/core/contracts/render-request.js';

/** File extension and MIME type of each codec's container (Remotion's defaults). */
export const CODEC_OUTPUT: Record<Codec, { extension: string; contentType: string }> = {
  h264: { extension: 'mp4', contentType: 'video/mp4' },
  h265: { extension: 'mp4', contentType: 'video/mp4' },
  vp8: { extension: 'webm', contentType: 'video/webm' },
  vp9: { extension: 'webm', contentType: 'video/webm' },
  prores: { extension: 'mov', contentType: 'video/quicktime' },
  gif: { extension: 'gif', contentType: 'image/gif' },
};
