import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { imageDimensions } from '../../../src/core/media/image-dimensions';

const fixture = (path: string) => new Uint8Array(readFileSync(new URL(`../../${path}`, import.meta.url)));
const ascii = (text: string) => Array.from(text, (c) => c.charCodeAt(0));
const u16be = (n: number) => [n >> 8, n & 0xff];
const u16le = (n: number) => [n & 0xff, n >> 8];
const u24le = (n: number) => [n & 0xff, (n >> 8) & 0xff, n >> 16];
const u32be = (n: number) => [n >>> 24, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
const u32le = (n: number) => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, n >>> 24];

/** A PNG's first 24 bytes: signature, then the IHDR chunk's length, type, width and height. */
const pngHead = (w: number, h: number) => Uint8Array.from([0x89, ...ascii('PNG\r\n\x1a\n'), ...u32be(13), ...ascii('IHDR'), ...u32be(w), ...u32be(h), 8, 0]);
/** A JPEG whose frame header comes after a long metadata segment, as camera files have. */
const jpegHead = (w: number, h: number, frameMarker = 0xc0) =>
  Uint8Array.from([0xff, 0xd8, 0xff, 0xe1, ...u16be(5002), ...new Array(5000).fill(0x41), 0xff, 0xff, frameMarker, ...u16be(17), 8, ...u16be(h), ...u16be(w), 3]);
const webpHead = (chunk: string, body: number[]) => Uint8Array.from([...ascii('RIFF'), ...u32le(100), ...ascii('WEBP'), ...ascii(chunk), ...u32le(body.length), ...body]);

describe('imageDimensions', () => {
  it('reads PNG sizes, also far beyond what decodes', () => {
    expect(imageDimensions(fixture('e2e/fixtures/assets/logo.png'))).toEqual({ width: 96, height: 64 });
    expect(imageDimensions(pngHead(30000, 30000))).toEqual({ width: 30000, height: 30000 });
  });

  it('reads JPEG sizes from the frame header, past long metadata and fill bytes, baseline or progressive', () => {
    expect(imageDimensions(fixture('vision/fixtures/obama-1.jpg'))).toEqual({ width: 640, height: 800 });
    expect(imageDimensions(jpegHead(30000, 20000))).toEqual({ width: 30000, height: 20000 });
    expect(imageDimensions(jpegHead(4000, 3000, 0xc2))).toEqual({ width: 4000, height: 3000 });
  });

  it('reads GIF and the three WebP flavours', () => {
    expect(imageDimensions(Uint8Array.from([...ascii('GIF89a'), ...u16le(320), ...u16le(240)]))).toEqual({ width: 320, height: 240 });
    expect(imageDimensions(webpHead('VP8X', [0, 0, 0, 0, ...u24le(29999), ...u24le(15999)]))).toEqual({ width: 30000, height: 16000 });
    const bits = (1000 - 1) | ((500 - 1) << 14);
    expect(imageDimensions(webpHead('VP8L', [0x2f, ...u32le(bits)]))).toEqual({ width: 1000, height: 500 });
    expect(imageDimensions(webpHead('VP8 ', [0, 0, 0, 0x9d, 0x01, 0x2a, ...u16le(1920), ...u16le(1080)]))).toEqual({ width: 1920, height: 1080 });
  });

  it('says nothing (null) when the header is not there to read', () => {
    expect(imageDimensions(new Uint8Array(ascii('this is plain text')))).toBeNull();
    expect(imageDimensions(pngHead(10, 10).subarray(0, 20))).toBeNull(); // cut before the height
    expect(imageDimensions(jpegHead(10, 10).subarray(0, 3000))).toBeNull(); // the frame header is further on
    expect(imageDimensions(Uint8Array.from([0xff, 0xd8, 0x00, 0x00, 0x00]))).toBeNull();
    expect(imageDimensions(pngHead(0, 10))).toBeNull();
  });
});
