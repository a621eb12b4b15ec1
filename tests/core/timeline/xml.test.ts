import { describe, expect, it } from 'vitest';
import { parseXml, serializeXml, el, textEl, XML_LIMITS } from '../../../src/core/timeline/xml';
import { readTimeline } from '../../../src/core/timeline';

describe('the timeline XML parser', () => {
  it('reads attributes, text, CDATA, comments and the predefined and numeric entities', () => {
    const root = parseXml(`<?xml version="1.0"?>\n<!-- c --><a x='1' y="&lt;&amp;&#65;&#x42;"><b>t&gt;</b><![CDATA[<raw>]]><c/></a>`);
    expect(root).toEqual({ name: 'a', attrs: { x: '1', y: '<&AB' }, children: [{ name: 'b', attrs: {}, children: ['t>'] }, '<raw>', { name: 'c', attrs: {}, children: [] }] });
  });

  it('writes what it reads', () => {
    const tree = el('root', { a: 'x & "y"\nz' }, [textEl('t', '<1>'), el('e')]);
    const text = serializeXml(tree, '<?xml version="1.0"?>');
    expect(parseXml(text)).toEqual(tree);
  });

  it('never expands DTD entities: a billion-laughs file is read at once as inert text', () => {
    const lol = Array.from({ length: 10 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join('\n');
    const bomb = `<?xml version="1.0"?>\n<!DOCTYPE fcpxml [\n<!ENTITY lol0 "lol">\n${lol}\n]>\n<fcpxml version="1.10"><resources/><library><event name="&lol10;"/></library></fcpxml>`;
    const start = performance.now();
    const root = parseXml(bomb);
    expect(performance.now() - start).toBeLessThan(100);
    expect(JSON.stringify(root)).toContain('&lol10;');
    const read = readTimeline('bomb.fcpxml', bomb);
    expect(read).toEqual({ ok: false, error: 'bomb.fcpxml holds no project and no clips, so there is no timeline to read.' });
  });

  it('refuses nesting deeper than its limit and files larger than its cap, with one sentence', () => {
    const deep = '<a>'.repeat(XML_LIMITS.maxDepth + 1) + '</a>'.repeat(XML_LIMITS.maxDepth + 1);
    expect(() => parseXml(deep)).toThrow(/nested deeper than 512 levels/);
    const huge = { length: XML_LIMITS.maxChars + 1 } as unknown as string;
    expect(() => parseXml(huge)).toThrow(/larger than 64 MB/);
  });

  it('names the line of a broken file', () => {
    expect(() => parseXml('<a>\n<b>\n</a>')).toThrow('</a> does not close <b> on line 3');
    expect(() => parseXml('<a>\n<b x="1">')).toThrow('<b> is never closed on line 2');
    expect(() => parseXml('<a/><b/>')).toThrow(/a second root element/);
  });
});
