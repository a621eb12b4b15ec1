/**
 * What the sandbox reports about a frame's layout (its DOM, not its pixels): the text layers a
 * person would read, and a signature of the element tree that changes when the scene changes.
 * Coordinates are composition pixels.
 */
export interface TextLayer {
  /** The text, trimmed to 80 characters. */
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** The computed text colour, 0..255 per channel; alpha 0..1 includes the layers' opacity. */
  color: [number, number, number, number];
  /** Composition pixels. */
  fontSizePx: number;
  bold: boolean;
  /** A text shadow or stroke outlines the glyphs: contrast with the background is then not the text colour's alone. */
  outlined: boolean;
}

export interface FrameLayout {
  frame: number;
  /** Same signature = same elements saying the same words (styles and opacity may change within a scene). */
  signature: string;
  texts: TextLayer[];
}

export interface CompositionLayout {
  compositionId: string;
  width: number;
  height: number;
  durationInFrames: number;
  frames: FrameLayout[];
}
