import { crc32, deflateSync, inflateSync } from 'node:zlib';
import type { StillRenderer } from '../../../src/core/agent/ports/still-renderer';

/**
 * A still renderer for Node tests that draws a real picture of a simple scene: the background
 * colour and the text colour it finds in `file` (`backgroundColor: '#…'`, `color: '#…'`), a text
 * block in the middle. Real PNG bytes and pixels, so a model or a check that looks at the image
 * sees exactly what those colours look like; nothing else of the scene is drawn.
 */
export function makeSwatchStillRenderer(file: string, width = 160, height = 90): StillRenderer & { frames: number[] } {
  const frames: number[] = [];
  return {
    fidelity: 'engine',
    frames,
    async renderStill({ files, frame }) {
      frames.push(frame);
      const source = files.get(file) ?? '';
      const bg = hexOf(/backgroundColor:\s*'(#[0-9a-fA-F]{6})'/.exec(source)?.[1] ?? '#000000');
      const fg = hexOf(/[^A-Za-z]color:\s*'(#[0-9a-fA-F]{6})'/.exec(source)?.[1] ?? '#ffffff');
      const data = new Uint8Array(width * height * 4);
      for (let y = 0; y < height; y++) {
        for (let x = 0; x < width; x++) {
          const text = y > height * 0.4 && y < height * 0.6 && x > width * 0.2 && x < width * 0.8 && (x + y) % 3 !== 0;
          data.set([...(text ? fg : bg), 255], (y * width + x) * 4);
        }
      }
      return { ok: true, png: encodePng(width, height, data), width, height, compositionId: 'Main', pixels: { width, height, data } };
    },
  };
}

const hexOf = (hex: string): [number, number, number] => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];

function chunk(type: string, body: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + body.length);
  out.writeUInt32BE(body.length, 0);
  out.write(type, 4, 'ascii');
  Buffer.from(body).copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + body.length)), 8 + body.length);
  return out;
}

/** RGBA 8-bit PNG, filter 0 on every row. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Uint8Array {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const raw = Buffer.alloc(height * (1 + width * 4));
  for (let y = 0; y < height; y++) Buffer.from(rgba.subarray(y * width * 4, (y + 1) * width * 4)).copy(raw, y * (1 + width * 4) + 1);
  return new Uint8Array(Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', new Uint8Array())]));
}

/** Distinct colours in a PNG this module wrote (RGBA, filter 0): what a model "sees" in the tests. */
export function coloursInPng(png: Uint8Array): Set<string> {
  const buf = Buffer.from(png);
  const width = buf.readUInt32BE(16);
  const height = buf.readUInt32BE(20);
  const idat: Buffer[] = [];
  for (let at = 8; at < buf.length; ) {
    const length = buf.readUInt32BE(at);
    if (buf.toString('ascii', at + 4, at + 8) === 'IDAT') idat.push(buf.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const colours = new Set<string>();
  for (let y = 0; y < height; y++) {
    if (raw[y * (1 + width * 4)] !== 0) throw new Error('[swatch] only filter 0 rows are read');
    for (let x = 0; x < width; x++) {
      const i = y * (1 + width * 4) + 1 + x * 4;
      colours.add(`${raw[i]},${raw[i + 1]},${raw[i + 2]}`);
    }
  }
  return colours;
}

/**
 * The swatch renderer with the engine's layout pass: one text layer where the swatch draws its text
 * block, in the text colour of `file`, shifted right by its `left: N` (in composition pixels). A
 * check that judges text gets exactly what the swatch shows, nothing more.
 */
export function makeLayoutSwatchRenderer(file: string, size = { width: 1280, height: 720 }): StillRenderer & { frames: number[] } {
  const swatch = makeSwatchStillRenderer(file, 160, 90);
  return {
    ...swatch,
    async renderStill(input) {
      const left = Number(/left:\s*(\d+)/.exec(input.files.get(file) ?? '')?.[1] ?? 0);
      const still = await swatch.renderStill(input);
      if (!still.ok || !still.pixels || left === 0) return still;
      // Move the text block right by `left` (scaled to the swatch): what the layer's box says.
      const { width, height, data } = still.pixels;
      const shift = Math.round((left * width) / size.width);
      const moved = new Uint8Array(data.length);
      for (let y = 0; y < height; y++) {
        for (let x = 0; x < width; x++) {
          const from = Math.min(width - 1, Math.max(0, x - shift < width * 0.2 ? 0 : x - shift));
          moved.set(data.subarray((y * width + from) * 4, (y * width + from) * 4 + 4), (y * width + x) * 4);
        }
      }
      return { ...still, png: encodePng(width, height, moved), pixels: { width, height, data: moved } };
    },
    async inspectLayout({ files }) {
      const source = files.get(file) ?? '';
      const fg = /[^A-Za-z]color:\s*'#([0-9a-fA-F]{6})'/.exec(source)?.[1] ?? 'ffffff';
      const left = Number(/left:\s*(\d+)/.exec(source)?.[1] ?? 0);
      const rgb = [0, 2, 4].map((i) => parseInt(fg.slice(i, i + 2), 16));
      const frames = [0, 45, 89].map((frame) => ({
        frame,
        signature: 'title',
        texts: [{ text: 'Launch day', x: size.width * 0.2 + left, y: size.height * 0.4, width: size.width * 0.6, height: size.height * 0.2, color: [rgb[0]!, rgb[1]!, rgb[2]!, 1] as [number, number, number, number], fontSizePx: 96, bold: true, outlined: false }],
      }));
      return { compositionId: 'Main', ...size, durationInFrames: 90, frames };
    },
  };
}
