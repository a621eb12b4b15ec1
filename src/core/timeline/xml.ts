/**
 * A small XML parser and writer for timeline files: no DOM (core runs in Node and workers), no DTD
 * processing. Only the five predefined entities and character references are expanded, so an
 * entity bomb in a DOCTYPE stays inert text; size and depth are capped so hostile input cannot hang.
 */

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

export class XmlError extends Error {
  readonly code = 'xml_error';
}

/** 64 MB of text and 512 levels of nesting: far beyond any real timeline. */
export const XML_LIMITS = { maxChars: 64 * 1024 * 1024, maxDepth: 512 };

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return PREDEFINED[ref] ?? whole;
  });
}

const NAME = /[^\s/>=]+/y;
const ATTR = /\s*([^\s/>=]+)\s*=\s*("([^"]*)"|'([^']*)')/y;

/** Parses a document and returns its root element; throws XmlError with the line of the problem. */
export function parseXml(text: string): XmlElement {
  if (text.length > XML_LIMITS.maxChars) throw new XmlError(`the file is larger than ${XML_LIMITS.maxChars / 1024 / 1024} MB`);
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  let i = 0;
  const lineAt = (at: number) => text.slice(0, at).split('\n').length;
  const fail = (why: string, at = i): never => {
    throw new XmlError(`${why} on line ${lineAt(at)}`);
  };
  const skipPast = (marker: string, what: string) => {
    const end = text.indexOf(marker, i);
    if (end < 0) fail(`unterminated ${what}`);
    i = end + marker.length;
  };
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    const chunk = text.slice(i, lt < 0 ? text.length : lt);
    // Whitespace between elements is layout, not content: timeline formats have no mixed content.
    if (stack.length && chunk.trim()) stack[stack.length - 1]!.children.push(decodeEntities(chunk));
    else if (chunk.trim()) fail('text outside the root element');
    if (lt < 0) break;
    i = lt;
    if (text.startsWith('<!--', i)) skipPast('-->', 'comment');
    else if (text.startsWith('<?', i)) skipPast('?>', 'processing instruction');
    else if (text.startsWith('<![CDATA[', i)) {
      const end = text.indexOf(']]>', i);
      if (end < 0) fail('unterminated CDATA section');
      if (stack.length) stack[stack.length - 1]!.children.push(text.slice(i + 9, end));
      i = end + 3;
    } else if (text.startsWith('<!DOCTYPE', i)) {
      // Skipped whole, internal subset included: its entities are never expanded.
      const bracket = text.indexOf('[', i);
      const close = text.indexOf('>', i);
      if (close < 0) fail('unterminated DOCTYPE');
      if (bracket >= 0 && bracket < close) {
        i = bracket;
        skipPast(']', 'DOCTYPE');
        skipPast('>', 'DOCTYPE');
      } else i = close + 1;
    } else if (text[i + 1] === '/') {
      const end = text.indexOf('>', i);
      if (end < 0) fail('unterminated end tag');
      const name = text.slice(i + 2, end).trim();
      const open = stack.pop();
      if (!open || open.name !== name) fail(`</${name}> does not close <${open?.name ?? 'nothing'}>`);
      i = end + 1;
    } else {
      NAME.lastIndex = i + 1;
      const name = NAME.exec(text)?.[0];
      if (!name) fail('a tag without a name');
      const el: XmlElement = { name: name!, attrs: {}, children: [] };
      i = NAME.lastIndex;
      for (;;) {
        ATTR.lastIndex = i;
        const m = ATTR.exec(text);
        if (!m) break;
        el.attrs[m[1]!] = decodeEntities(m[3] ?? m[4] ?? '');
        i = ATTR.lastIndex;
      }
      while (i < text.length && /\s/.test(text[i]!)) i++;
      const selfClosing = text.startsWith('/>', i);
      if (!selfClosing && text[i] !== '>') fail(`malformed <${name}> tag`);
      i += selfClosing ? 2 : 1;
      if (stack.length) stack[stack.length - 1]!.children.push(el);
      else if (root) fail('a second root element');
      else root = el;
      if (!selfClosing) {
        if (stack.length >= XML_LIMITS.maxDepth) fail(`elements nested deeper than ${XML_LIMITS.maxDepth} levels`);
        stack.push(el);
      }
    }
  }
  if (stack.length) fail(`<${stack[stack.length - 1]!.name}> is never closed`);
  if (!root) throw new XmlError('no root element');
  return root;
}

/** Child elements, all or those named `name`. */
export const elements = (el: XmlElement | undefined, name?: string): XmlElement[] =>
  (el?.children ?? []).filter((c): c is XmlElement => typeof c !== 'string' && (name === undefined || c.name === name));

export const firstElement = (el: XmlElement | undefined, name: string): XmlElement | undefined => elements(el, name)[0];

/** The text content of an element (its direct text), trimmed. */
export const textOf = (el: XmlElement | undefined): string => (el?.children ?? []).filter((c): c is string => typeof c === 'string').join('').trim();

/** Text of the child `name`, or undefined. */
export const childText = (el: XmlElement | undefined, name: string): string | undefined => {
  const child = firstElement(el, name);
  return child ? textOf(child) : undefined;
};

/** Depth-first search for the first element named `name`. */
export function findElement(el: XmlElement, name: string): XmlElement | undefined {
  const queue: XmlElement[] = [el];
  for (let k = 0; k < queue.length; k++) {
    const next = queue[k]!;
    if (next.name === name) return next;
    queue.push(...elements(next));
  }
  return undefined;
}

/** Characters XML 1.0 cannot hold at all (controls other than tab, newline, return; lone surrogates; U+FFFE/F). */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const escapeText = (s: string) => s.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (s: string) => escapeText(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');

/** Builds an element; undefined attributes are left out, numbers written as they are. */
export function el(name: string, attrs: Record<string, string | number | undefined> = {}, children: (XmlNode | undefined | false)[] = []): XmlElement {
  const clean: Record<string, string> = {};
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) clean[k] = String(v);
  return { name, attrs: clean, children: children.filter((c): c is XmlNode => c !== undefined && c !== false) };
}

/** A text-only element: `<name>text</name>`. */
export const textEl = (name: string, text: string | number, attrs: Record<string, string | number | undefined> = {}): XmlElement => el(name, attrs, [String(text)]);

/** Serialises with two-space indentation; elements holding only text stay on one line. */
export function serializeXml(root: XmlElement, prolog: string): string {
  const out: string[] = [prolog];
  const write = (node: XmlElement, indent: string) => {
    const attrs = Object.entries(node.attrs).map(([k, v]) => ` ${k}="${escapeAttr(v)}"`).join('');
    if (!node.children.length) out.push(`${indent}<${node.name}${attrs}/>`);
    else if (node.children.every((c) => typeof c === 'string')) out.push(`${indent}<${node.name}${attrs}>${escapeText(node.children.join(''))}</${node.name}>`);
    else {
      out.push(`${indent}<${node.name}${attrs}>`);
      for (const c of node.children) if (typeof c !== 'string') write(c, indent + '  ');
      out.push(`${indent}</${node.name}>`);
    }
  };
  write(root, '');
  return out.join('\n') + '\n';
}
