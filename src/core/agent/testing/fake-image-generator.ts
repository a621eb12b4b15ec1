import type { ImageGenerator, ImageRequest } from '../ports/image-generator';
import { TINY_PNG } from './fake-preview-runner';

/** Returns a tiny PNG for every prompt and remembers the requests. */
export function makeFakeImageGenerator(): ImageGenerator & { requests: Omit<ImageRequest, 'signal'>[] } {
  const requests: Omit<ImageRequest, 'signal'>[] = [];
  return {
    requests,
    async generate({ prompt, aspectRatio }) {
      requests.push({ prompt, aspectRatio });
      return { ok: true, mimeType: 'image/png', bytes: TINY_PNG };
    },
  };
}
