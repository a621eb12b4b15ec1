/**
 * A small library of prompt building blocks by category, inserted into a clip's prompt with one
 * click. The words are the ones video models respond to (shot language, light, lens, mood).
 */
export const PROMPT_COMPONENTS: Readonly<Record<string, readonly string[]>> = {
  subject: ['a lone figure', 'a crowd', 'a product on a pedestal', 'an old car', 'a city skyline'],
  action: ['walks towards the camera', 'turns and looks back', 'runs through the frame', 'pours coffee', 'opens a door'],
  lighting: ['golden hour light', 'soft overcast light', 'neon night light', 'hard noon sun', 'candlelight'],
  camera: ['slow dolly in', 'handheld follow', 'locked-off tripod', 'sweeping drone shot', 'slow orbit'],
  lens: ['35mm lens', '85mm portrait lens', 'wide-angle 24mm', 'macro lens', 'anamorphic flare'],
  mood: ['calm and quiet', 'tense', 'joyful', 'dreamlike', 'melancholic'],
  style: ['photorealistic', 'film grain', 'vintage 16mm', 'clean commercial look', 'documentary'],
};

/** Appends a component to a prompt with sensible punctuation. */
export function insertComponent(prompt: string, component: string): string {
  const trimmed = prompt.trimEnd();
  if (!trimmed) return component.charAt(0).toUpperCase() + component.slice(1);
  return `${trimmed}${/[.,;:!?]$/.test(trimmed) ? '' : ','} ${component}`;
}
