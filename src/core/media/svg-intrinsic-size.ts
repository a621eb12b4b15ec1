/**
 * Gives an SVG without width/height attributes the size of its viewBox. Browsers lay such an image
 * out fine, but drawing it onto a canvas (as the in-browser exporter does) uses a 150×150 default
 * and crops it. Returns the text unchanged when there is nothing to do.
 */
export function withIntrinsicSize(svg: string): string {
  const open = /<svg\b[^>]*>/i.exec(svg);
  if (!open) return svg;
  const tag = open[0];
  if (/\swidth\s*=/.test(tag) && /\sheight\s*=/.test(tag)) return svg;
  const viewBox = /\sviewBox\s*=\s*["']\s*[-\d.e]+[\s,]+[-\d.e]+[\s,]+([\d.e]+)[\s,]+([\d.e]+)\s*["']/i.exec(tag);
  if (!viewBox) return svg;
  const [, w, h] = viewBox;
  let patched = tag;
  if (!/\swidth\s*=/.test(patched)) patched = patched.replace(/^<svg\b/i, `<svg width="${w}"`);
  if (!/\sheight\s*=/.test(patched)) patched = patched.replace(/^<svg\b/i, `<svg height="${h}"`);
  return svg.slice(0, open.index) + patched + svg.slice(open.index + tag.length);
}
