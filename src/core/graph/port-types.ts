/**
 * What flows along an edge. Each output port produces one of these; each input port accepts
 * a list of them (usually just its own type; Composition props accept several).
 */
export const PORT_TYPES = ['image', 'video', 'audio', 'text', 'faces', 'character', 'beats', 'composition', 'render'] as const;

export type PortType = (typeof PORT_TYPES)[number];

/** Noun phrases for messages: "expects a video, got text". */
const PORT_TYPE_NOUNS: Record<PortType, string> = {
  image: 'an image',
  video: 'a video',
  audio: 'audio',
  text: 'text',
  faces: 'faces',
  character: 'a character',
  beats: 'beats',
  composition: 'a composition',
  render: 'a render',
};

export function describePortType(type: PortType): string {
  return PORT_TYPE_NOUNS[type];
}

/** "a video, an image or text" */
export function describePortTypes(types: readonly PortType[]): string {
  const nouns = types.map(describePortType);
  if (nouns.length <= 1) return nouns[0] ?? 'nothing';
  return `${nouns.slice(0, -1).join(', ')} or ${nouns[nouns.length - 1]}`;
}

/** A connection is allowed only when the input lists the output's type: no implicit conversions. */
export function portAccepts(accepts: readonly PortType[], produced: PortType): boolean {
  return accepts.includes(produced);
}
