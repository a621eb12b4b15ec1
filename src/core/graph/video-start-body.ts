import type { z } from 'zod';
import type { ImageInput, VideoStartBody } from '../contracts/video-start';
import { presetOf } from '../pricing/model-presets';
import type { extendKind, runwayVideoKind, soraVideoKind, veoVideoKind } from './kinds/video-kinds';

// A video node's params and inputs → the edge's start body. Typed by the node kinds' schemas on one
// side and the start contract on the other, so renaming a param or a wire field without the other
// is a compile error here instead of a field the edge never sees.

type ParamsOf<K extends { params: z.ZodType }> = z.output<K['params']>;

/** The images a node has wired in, read from the project and encoded by the caller. */
export interface StartImages {
  firstFrame?: ImageInput;
  lastFrame?: ImageInput;
  referenceImages?: ImageInput[];
}

export type VideoStartNode =
  | { kind: 'veo-video'; params: ParamsOf<typeof veoVideoKind> }
  | { kind: 'sora-video'; params: ParamsOf<typeof soraVideoKind> }
  | { kind: 'runway-video'; params: ParamsOf<typeof runwayVideoKind> }
  | { kind: 'extend'; params: ParamsOf<typeof extendKind> };

/** What Extend asks for when no prompt is wired in. */
export const EXTEND_DEFAULT_PROMPT = 'Continue the shot naturally from this frame.';

const optional = <K extends string, V>(key: K, value: V | undefined | '') => (value === undefined || value === '' ? {} : ({ [key]: value } as { [P in K]: V }));

export function videoStartBody(node: VideoStartNode, prompt: string, images: StartImages): VideoStartBody {
  switch (node.kind) {
    case 'extend':
      return { prompt: prompt || EXTEND_DEFAULT_PROMPT, ...images, ...optional('negativePrompt', node.params.negativePrompt), ...optional('seed', node.params.seed) };
    case 'veo-video': {
      const p = node.params;
      return {
        prompt,
        model: p.model,
        aspectRatio: p.aspectRatio as VideoStartBody['aspectRatio'],
        resolution: p.resolution,
        durationSeconds: p.durationSeconds,
        ...optional('negativePrompt', p.negativePrompt),
        ...optional('seed', p.seed),
        ...images,
      };
    }
    case 'sora-video': {
      const p = node.params;
      return { prompt, model: p.model, aspectRatio: p.aspectRatio as VideoStartBody['aspectRatio'], durationSeconds: p.durationSeconds, ...optional('firstFrame', images.firstFrame) };
    }
    case 'runway-video': {
      const p = node.params;
      return { prompt, model: p.model, aspectRatio: aspectOfFrameSize(p.model, p.ratio), durationSeconds: p.durationSeconds, ...optional('seed', p.seed), ...optional('firstFrame', images.firstFrame) };
    }
  }
}

/** Runway's node picks a frame size ("1104:832"); the wire speaks aspect ratios, the edge maps them back. */
function aspectOfFrameSize(model: string, size: string): VideoStartBody['aspectRatio'] {
  const sizes = presetOf(model)?.frameSizes ?? {};
  const match = Object.entries(sizes).find(([, s]) => s === size);
  return (match?.[0] ?? '16:9') as VideoStartBody['aspectRatio'];
}
