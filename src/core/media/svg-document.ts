/**
 * True when text is an SVG document: after an optional byte-order mark, XML declaration, comments
 * and doctype, the first element is <svg>. HTML that merely contains an <svg> is not one.
 */
export function isSvgDocument(text: string): boolean {
  return SVG_DOCUMENT.test(text.slice(0, 64 * 1024));
}

const PROLOGUE_ITEM = String.raw`(?:<\?xml[^>]*\?>|<!--[\s\S]*?-->|<!DOCTYPE\s+svg[^>]*>)`;
const SVG_DOCUMENT = new RegExp(String.raw`^\uFEFF?\s*(?:${PROLOGUE_ITEM}\s*)*<svg[\s>/]`, 'i');
