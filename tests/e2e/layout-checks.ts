import type { Locator, Page } from 'playwright-core';

/** Layout checks on what the browser drew: boxes in page pixels, as a person would see them. */

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const intersect = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** `inner` lies within `outer`, give or take a pixel of rounding. */
export const inside = (outer: Box, inner: Box) =>
  inner.x >= outer.x - 1 && inner.y >= outer.y - 1 && inner.x + inner.width <= outer.x + outer.width + 1 && inner.y + inner.height <= outer.y + outer.height + 1;

/** Pairs of canvas nodes whose boxes overlap, by their labels. */
export async function overlappingNodes(page: Page): Promise<string[]> {
  const nodes = await page.locator('[data-testid=graph-node]').evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return { label: el.getAttribute('aria-label') ?? '?', box: { x: r.x, y: r.y, width: r.width, height: r.height } };
    }),
  );
  const pairs: string[] = [];
  for (let i = 0; i < nodes.length; i++) for (let j = i + 1; j < nodes.length; j++) if (intersect(nodes[i]!.box, nodes[j]!.box)) pairs.push(`${nodes[i]!.label} × ${nodes[j]!.label}`);
  return pairs;
}

/**
 * Nodes whose error text is drawn over one of their port labels or spills out of the node,
 * with the boxes that collide. Empty when every error sits in its node's body.
 */
export async function errorsOverPorts(page: Page): Promise<string[]> {
  return page.locator('[data-testid=graph-node]:has([data-testid=node-error])').evaluateAll((els) =>
    els.flatMap((el) => {
      const node = el.getBoundingClientRect();
      const text = el.querySelector('[data-testid=node-error]')!.getBoundingClientRect();
      const hit = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
      const label = el.getAttribute('aria-label');
      const problems = [...el.querySelectorAll('.port-label')].filter((p) => hit(p.getBoundingClientRect(), text)).map((p) => `${label}: error over port "${p.textContent}"`);
      if (text.top < node.top - 1 || text.bottom > node.bottom + 1 || text.left < node.left - 1 || text.right > node.right + 1) problems.push(`${label}: error outside its node`);
      return problems;
    }),
  );
}

/**
 * A header that did not wrap: every child's middle on one line, and no taller than its tallest
 * child plus its own padding and border.
 */
export async function headerRows(header: Locator): Promise<{ oneRow: boolean; height: number; tallestChild: number; detail: string }> {
  return header.evaluate((el) => {
    const style = getComputedStyle(el);
    const chrome = ['paddingTop', 'paddingBottom', 'borderTopWidth', 'borderBottomWidth'].reduce((sum, k) => sum + parseFloat(style[k as 'paddingTop']), 0);
    const children = [...el.children].filter((c) => c.getBoundingClientRect().width > 0);
    const rects = children.map((c) => c.getBoundingClientRect());
    const middles = rects.map((r) => r.top + r.height / 2);
    const tallestChild = Math.max(...rects.map((r) => r.height));
    const height = el.getBoundingClientRect().height;
    const oneRow = Math.max(...middles) - Math.min(...middles) < 2 && height <= tallestChild + chrome + 1;
    return { oneRow, height, tallestChild, detail: children.map((c, i) => `${c.tagName.toLowerCase()}.${c.className} @${Math.round(rects[i]!.top)}`).join(', ') };
  });
}

export async function boxOf(locator: Locator): Promise<Box> {
  const box = await locator.boundingBox();
  if (!box) throw new Error(`${locator} is not on screen`);
  return box;
}

/** Two animation frames: what a resize or a click changed has been laid out and painted. */
export const nextFrames = (page: Page) => page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
