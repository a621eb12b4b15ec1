import type { FrameLayout, TextLayer } from '../core/preview/frame-layout';

/**
 * Reads the layout of the frame the player shows: every run of visible text with its box in
 * composition pixels, its colour (opacity of its ancestors included) and size, and a signature of
 * the element tree and its words for telling scenes apart. Runs inside the sandbox, on the player's DOM.
 */
export function readFrameLayout(container: HTMLElement, frame: number, size: { width: number; height: number }): FrameLayout {
  const box = container.getBoundingClientRect();
  // The player fits the composition into its box, centred: undo that to get composition pixels.
  const scale = Math.min(box.width / size.width, box.height / size.height) || 1;
  const left = box.left + (box.width - size.width * scale) / 2;
  const top = box.top + (box.height - size.height * scale) / 2;
  const texts: TextLayer[] = [];
  const signature: string[] = [];
  const walk = (element: Element, depth: number) => {
    const style = getComputedStyle(element);
    if (style.display === 'none') return;
    // Elements, their media and their words: scenes built from one component differ in what they say.
    const text = directText(element);
    signature.push(`${depth}:${element.tagName}${element instanceof HTMLImageElement || element instanceof HTMLVideoElement ? `(${element.currentSrc || element.getAttribute('src') || ''})` : ''}${text ? `"${text.slice(0, 40)}"` : ''}`);
    if (text && style.visibility !== 'hidden') {
      const rect = textBox(element);
      if (rect && rect.width > 0 && rect.height > 0) {
        const [r, g, b, a] = parseColour(style.color);
        texts.push({
          text: text.slice(0, 80),
          x: (rect.left - left) / scale,
          y: (rect.top - top) / scale,
          width: rect.width / scale,
          height: rect.height / scale,
          color: [r, g, b, a * opacityOf(element, container)],
          fontSizePx: parseFloat(style.fontSize) || 16,
          bold: (parseInt(style.fontWeight, 10) || 400) >= 700,
          outlined: (style.textShadow && style.textShadow !== 'none') || parseFloat(style.getPropertyValue('-webkit-text-stroke-width')) > 0 ? true : false,
        });
      }
    }
    for (const child of element.children) walk(child, depth + 1);
  };
  for (const child of container.children) walk(child, 0);
  return { frame, signature: hash(signature.join('|')), texts };
}

/** The element's own text (not its children's): what one text layer reads. */
function directText(element: Element): string {
  let text = '';
  for (const node of element.childNodes) if (node.nodeType === Node.TEXT_NODE) text += node.textContent ?? '';
  return text.replace(/\s+/g, ' ').trim();
}

/** The box of the element's own text nodes (the glyphs, not the element: an AbsoluteFill spans the frame). */
function textBox(element: Element): DOMRect | null {
  const range = document.createRange();
  let union: { left: number; top: number; right: number; bottom: number } | null = null;
  for (const node of element.childNodes) {
    if (node.nodeType !== Node.TEXT_NODE || !node.textContent?.trim()) continue;
    range.selectNodeContents(node);
    const r = range.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    union = union ? { left: Math.min(union.left, r.left), top: Math.min(union.top, r.top), right: Math.max(union.right, r.right), bottom: Math.max(union.bottom, r.bottom) } : { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
  }
  return union ? new DOMRect(union.left, union.top, union.right - union.left, union.bottom - union.top) : null;
}

function opacityOf(element: Element, stop: Element): number {
  let opacity = 1;
  for (let e: Element | null = element; e && e !== stop; e = e.parentElement) opacity *= parseFloat(getComputedStyle(e).opacity) || 0;
  return opacity;
}

/** `rgb(…)`/`rgba(…)` as computed styles give them; anything else (a `color(…)` space) reads as opaque black. */
function parseColour(value: string): [number, number, number, number] {
  const m = /rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)/.exec(value);
  if (!m) return [0, 0, 0, 1];
  const alpha = m[4] === undefined ? 1 : m[4].endsWith('%') ? parseFloat(m[4]) / 100 : parseFloat(m[4]);
  return [Number(m[1]), Number(m[2]), Number(m[3]), alpha];
}

/** FNV-1a: a short stable signature. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}
