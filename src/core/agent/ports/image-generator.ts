export const IMAGE_ASPECT_RATIOS = ['1:1', '2:3', '3:2', '3:4', '4:3', '9:16', '16:9', '21:9'] as const;
export type ImageAspectRatio = (typeof IMAGE_ASPECT_RATIOS)[number];

export interface ImageRequest {
  prompt: string;
  aspectRatio: ImageAspectRatio;
  signal?: AbortSignal;
}

export type ImageResult =
  | { ok: true; mimeType: string; bytes: Uint8Array; text?: string }
  | { ok: false; code: 'safety_blocked' | 'no_image' | 'provider_error'; message: string };

/** An image from Gemini's image model through the edge (see makeGeminiImageGenerator). */
export interface ImageGenerator {
  generate(request: ImageRequest): Promise<ImageResult>;
}
