export type RenderQuality = 'draft' | 'standard' | 'high';

/**
 * What a quality means to the in-browser renderer: a draft is half size at a low bitrate (fast
 * to look at), standard and high differ in bitrate only.
 */
export function renderQualityOptions(quality: RenderQuality): { scale: number; videoBitrate: 'low' | 'medium' | 'high' } {
  switch (quality) {
    case 'draft':
      return { scale: 0.5, videoBitrate: 'low' };
    case 'high':
      return { scale: 1, videoBitrate: 'high' };
    default:
      return { scale: 1, videoBitrate: 'medium' };
  }
}
