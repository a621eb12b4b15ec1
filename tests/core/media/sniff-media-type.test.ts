import { describe, expect, it } from 'vitest';
import { sniffMediaType, typeMatchesContent } from '../../../src/core/media/sniff-media-type';
import { PNG_1PX } from '../../fixtures/bundles';

const bytes = (text: string, offset = 0) => {
  const out = new Uint8Array(32);
  out.set(Array.from(text, (c) => c.charCodeAt(0)), offset);
  return out;
};

describe('sniffMediaType', () => {
  it('recognises common media by their magic numbers', () => {
    expect(sniffMediaType(PNG_1PX)).toBe('image/png');
    expect(sniffMediaType(Uint8Array.of(0xff, 0xd8, 0xff, 0xe0))).toBe('image/jpeg');
    expect(sniffMediaType(bytes('ftypisom', 4))).toBe('video/mp4');
    expect(sniffMediaType(Uint8Array.of(0x1a, 0x45, 0xdf, 0xa3))).toBe('video/webm');
    expect(sniffMediaType(bytes('ID3'))).toBe('audio/mpeg');
    expect(sniffMediaType(bytes('<svg xmlns='))).toBeNull();
    expect(sniffMediaType(bytes('ftypavif', 4))).toBe('image/avif');
    expect(sniffMediaType(Uint8Array.of(0x42, 0x4d, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 40, 0))).toBe('image/bmp');
    expect(sniffMediaType(Uint8Array.of(0, 0, 1, 0, 1, 0))).toBe('image/x-icon');
    // 'BM' alone is text, not a bitmap.
    expect(sniffMediaType(bytes('BMW owners club'))).toBeNull();
    // An MP4 whose first box is 256 bytes long is still an MP4, not an icon.
    expect(sniffMediaType(Uint8Array.of(0, 0, 1, 0, ...Array.from('ftypisom', (c) => c.charCodeAt(0))))).toBe('video/mp4');
  });

  it('catches a declared type the bytes contradict', () => {
    expect(typeMatchesContent('image/png', PNG_1PX)).toBe(true);
    expect(typeMatchesContent('image/jpeg', PNG_1PX)).toBe(false);
    expect(typeMatchesContent('image/png', bytes('<html>'))).toBe(false);
    expect(typeMatchesContent('image/svg+xml', bytes('<svg>'))).toBe(true);
    expect(typeMatchesContent('audio/mp4', bytes('ftypM4A ', 4))).toBe(true);
  });
});
