import { describe, expect, it } from 'vitest';
import { cleanStoredSvgOnce } from '../../src/app/assets/clean-stored-svg';
import { makeTestSvgSanitizer } from '../../src/core/agent/testing/test-svg-sanitizer';
import { addAsset, getAsset } from '../../src/db/assets-repo';
import { freshDb } from '../db/test-db';

const svgBlob = (text: string) => new Blob([text], { type: 'image/svg+xml' });

describe('cleanStoredSvgOnce', () => {
  it('rewrites stored SVG that still carries script, leaves clean SVG and other media alone, and runs once', async () => {
    const { db } = freshDb();
    const hostile = await addAsset(db, 'p1', 'badge.svg', svgBlob('<svg onload="steal()"><script>steal()</script><rect/></svg>'));
    const clean = await addAsset(db, 'p1', 'logo.svg', svgBlob('<svg><circle r="1"/></svg>'));
    const nothing = await addAsset(db, 'p2', 'page.svg', svgBlob('<html><script>steal()</script></html>'));
    const png = await addAsset(db, 'p1', 'photo.png', new Blob([new Uint8Array([0x89, 0x50])], { type: 'image/png' }));

    expect(await cleanStoredSvgOnce(db, makeTestSvgSanitizer())).toBe(2);
    const text = async (id: string) => (await getAsset(db, id))!.blob.text();
    expect(await text(hostile.id)).toBe('<svg><rect/></svg>');
    expect((await getAsset(db, hostile.id))!.size).toBe('<svg><rect/></svg>'.length);
    expect(await text(clean.id)).toBe('<svg><circle r="1"/></svg>');
    expect(await text(nothing.id)).toBe('<svg xmlns="http://www.w3.org/2000/svg"/>');
    expect((await getAsset(db, png.id))!.size).toBe(2);

    // A second start does not read them again.
    await addAsset(db, 'p1', 'later.svg', svgBlob('<svg><script>x()</script></svg>'));
    expect(await cleanStoredSvgOnce(db, makeTestSvgSanitizer())).toBe(0);
  });
});
