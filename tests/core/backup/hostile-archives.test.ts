import { strToU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { makeTestSvgSanitizer } from '../../../src/core/agent/testing/test-svg-sanitizer';
import type { SvgSanitizer } from '../../../src/core/agent/ports/svg-sanitizer';
import { BACKUP_LIMITS, type BackupLimits } from '../../../src/core/backup/limits';
import { packProjectArchive } from '../../../src/core/backup/pack-archive';
import type { ProjectBundle } from '../../../src/core/backup/project-bundle';
import { readProjectArchive } from '../../../src/core/backup/read-archive';
import { PNG_1PX, sampleBundle } from '../../fixtures/bundles';

/** Records every SVG it is handed, so a test can see that the gate really passed each one through. */
function recordingSanitizer(): SvgSanitizer & { seen: string[] } {
  const inner = makeTestSvgSanitizer();
  const seen: string[] = [];
  return { seen, sanitize: (text) => (seen.push(text), inner.sanitize(text)) };
}

const withAsset = (asset: { name: string; type: string; bytes: Uint8Array }): ProjectBundle => ({
  ...sampleBundle(),
  assets: [{ id: 'asset-0002-hostile', createdAt: 5, ...asset }],
  records: {},
});

const packed = (bundle: ProjectBundle) => packProjectArchive(bundle, 'hostile test', 1);

function refusal(bytes: Uint8Array, limits: BackupLimits = BACKUP_LIMITS) {
  const result = readProjectArchive(bytes, makeTestSvgSanitizer(), limits);
  expect(result.ok).toBe(false);
  return result.ok ? { code: '', message: '' } : result;
}

const HOSTILE_SVG = `<?xml version="1.0"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" onload="alert(1)" width="10" height="10">
  <script>fetch('/steal?t=' + indexedDB)</script>
  <foreignObject><iframe xmlns="http://www.w3.org/1999/xhtml" src="javascript:alert(2)"></iframe></foreignObject>
  <image href="https://evil.example/track.png" width="1" height="1"/>
  <rect width="10" height="10" fill="red"/>
</svg>`;

describe('restore gate: SVG from a backup or share', () => {
  it('passes every SVG asset through the sanitiser and keeps only the drawing', () => {
    const sanitizer = recordingSanitizer();
    const result = readProjectArchive(packed(withAsset({ name: 'logo.svg', type: 'image/svg+xml', bytes: strToU8(HOSTILE_SVG) })), sanitizer);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(sanitizer.seen).toEqual([HOSTILE_SVG]);
    const stored = new TextDecoder().decode(result.value.assets[0]!.bytes);
    expect(stored).toContain('<rect width="10" height="10" fill="red"/>');
    for (const hostile of ['<script', 'onload', 'foreignObject', 'javascript:', 'evil.example']) expect(stored).not.toContain(hostile);
  });

  it('refuses an HTML page stored as SVG, naming the asset', () => {
    const html = strToU8('<!doctype html><html><body><svg></svg><script>alert(document.domain)</script></body></html>');
    expect(refusal(packed(withAsset({ name: 'badge.svg', type: 'image/svg+xml', bytes: html })))).toMatchObject({
      code: 'wrong_type',
      message: 'This file is not a safe Director backup: the asset "badge.svg" should be an SVG drawing, but it is not an SVG document. Nothing was imported.',
    });
  });

  it('refuses SVG bytes that are not text', () => {
    expect(refusal(packed(withAsset({ name: 'x.svg', type: 'image/svg+xml', bytes: new Uint8Array([0x3c, 0x73, 0x76, 0x67, 0xff, 0xfe]) }))).message).toMatch(/"x\.svg" should be an SVG drawing, but it is not text/);
  });
});

describe('restore gate: only media Director recognises', () => {
  it('refuses an executable declared as an unknown audio type', () => {
    const exe = new Uint8Array(256);
    exe.set(strToU8('MZ\x90\x00This program cannot be run in DOS mode'));
    expect(refusal(packed(withAsset({ name: 'theme.foo', type: 'audio/x-foo', bytes: exe })))).toMatchObject({
      code: 'wrong_type',
      message: 'This file is not a safe Director backup: the asset "theme.foo" should be audio/x-foo, but Director cannot recognise its bytes as any media it can play. Nothing was imported.',
    });
  });

  it('refuses a PNG with an HTML page appended', () => {
    const polyglot = new Uint8Array([...PNG_1PX, ...strToU8('<html><script>alert(1)</script></html>')]);
    expect(refusal(packed(withAsset({ name: 'logo.png', type: 'image/png', bytes: polyglot }))).message).toMatch(/the asset "logo\.png" should be image\/png, but more data follows the end of the image/);
  });

  it('refuses a real media file declared as another kind, saying what it is', () => {
    expect(refusal(packed(withAsset({ name: 'clip.mp4', type: 'video/mp4', bytes: PNG_1PX }))).message).toMatch(/"clip\.mp4" should be video\/mp4, but its bytes are image\/png/);
  });

  it('still accepts a well-formed PNG', () => {
    expect(readProjectArchive(packed(withAsset({ name: 'logo.png', type: 'image/png', bytes: PNG_1PX })), makeTestSvgSanitizer()).ok).toBe(true);
  });
});

describe('restore gate: unpacking within a budget', () => {
  it('refuses many entries of spaces, each under the per-entry checks, that add up to a bomb', () => {
    const spaces = ' '.repeat(1024 * 1024);
    const bundle: ProjectBundle = { ...sampleBundle(), files: Array.from({ length: 60 }, (_, i) => ({ path: `src/pad${i}.ts`, content: spaces, updatedAt: 1 })), records: {} };
    const bytes = packed(bundle);
    expect(bytes.length).toBeLessThan(1024 * 1024);
    expect(refusal(bytes)).toMatchObject({ code: 'zip_bomb', message: expect.stringMatching(/^This file is not a safe Director backup: it would grow from .+ KB to 60(\.0)? MB when unpacked \(a zip bomb\)\. Nothing was imported\.$/) });
  });

  it('refuses a stored entry whose real size is larger than the size the zip declares', () => {
    const big = new Uint8Array(64 * 1024);
    big.set(PNG_1PX.subarray(0, PNG_1PX.length - 12));
    big.set(PNG_1PX.subarray(PNG_1PX.length - 12), big.length - 12);
    const bytes = packed(withAsset({ name: 'logo.png', type: 'image/png', bytes: big }));
    // Claim 16 bytes in both the local and central headers, and in the manifest.
    declareSize(bytes, 'assets/asset-0002-hostile', 16);
    const manifest = JSON.parse(new TextDecoder().decode(unzipSync(bytes, { filter: (f) => f.name === 'manifest.json' })['manifest.json']));
    expect(manifest.assets[0].size).toBe(big.length);
    const lying = rewriteManifestSize(bytes, big.length, 16);
    expect(refusal(lying)).toMatchObject({ code: 'mismatch', message: expect.stringMatching(/"assets\/asset-0002-hostile" unpacks to 65536 bytes, but the zip says 16/) });
  });

  it('refuses a table with more rows than a project holds', () => {
    const bundle: ProjectBundle = { ...sampleBundle(), records: { scenes: Array.from({ length: 4 }, (_, i) => ({ id: `scene-0000000${i}`, projectId: 'old' })) } };
    expect(refusal(packed(bundle), { ...BACKUP_LIMITS, maxRecordRows: 3 })).toMatchObject({ code: 'too_large', message: 'This backup is too large to import: it holds 4 scenes records, the limit is 3.' });
  });
});

/** Overwrites an entry's uncompressed size in its local header and its central directory record. */
function declareSize(zip: Uint8Array, name: string, size: number) {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const encoded = strToU8(name);
  let patched = 0;
  for (let i = 0; i + 46 < zip.length; i++) {
    const signature = view.getUint32(i, true);
    const [nameAt, sizeAt] = signature === 0x04034b50 ? [30, 22] : signature === 0x02014b50 ? [46, 24] : [0, 0];
    if (!nameAt || view.getUint16(i + nameAt - (nameAt === 30 ? 4 : 18), true) !== encoded.length) continue;
    if (!encoded.every((b, k) => zip[i + nameAt + k] === b)) continue;
    view.setUint32(i + sizeAt, size, true);
    patched++;
  }
  expect(patched).toBe(2);
}

/** Changes the asset size the manifest states, keeping every other entry (and the patched headers) byte for byte. */
function rewriteManifestSize(zip: Uint8Array, from: number, to: number): Uint8Array {
  const entries = unzipSync(zip, { filter: (f) => f.name === 'manifest.json' });
  const manifest = new TextDecoder().decode(entries['manifest.json']).replace(`"size": ${from}`, `"size": ${to}`);
  return replaceEntry(zip, 'manifest.json', strToU8(manifest));
}

/** Appends a new copy of one entry as stored data and points the central directory at it (zip readers use the directory). */
function replaceEntry(zip: Uint8Array, name: string, data: Uint8Array): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const eocd = zip.length - 22;
  const dirSize = view.getUint32(eocd + 12, true);
  const dirOffset = view.getUint32(eocd + 16, true);
  const encoded = strToU8(name);
  const local = new Uint8Array(30 + encoded.length + data.length);
  const lv = new DataView(local.buffer);
  lv.setUint32(0, 0x04034b50, true);
  lv.setUint16(4, 20, true);
  lv.setUint32(18, data.length, true);
  lv.setUint32(22, data.length, true);
  lv.setUint16(26, encoded.length, true);
  local.set(encoded, 30);
  local.set(data, 30 + encoded.length);
  const directory = zip.slice(dirOffset, dirOffset + dirSize);
  const dv = new DataView(directory.buffer);
  for (let i = 0; i < directory.length; ) {
    const nameLength = dv.getUint16(i + 28, true);
    const entryName = new TextDecoder().decode(directory.subarray(i + 46, i + 46 + nameLength));
    if (entryName === name) {
      dv.setUint16(i + 10, 0, true); // stored
      dv.setUint32(i + 20, data.length, true);
      dv.setUint32(i + 24, data.length, true);
      dv.setUint32(i + 42, dirOffset, true); // the new local header sits where the directory was
    }
    i += 46 + nameLength + dv.getUint16(i + 30, true) + dv.getUint16(i + 32, true);
  }
  const end = zip.slice(eocd);
  const ev = new DataView(end.buffer);
  ev.setUint32(16, dirOffset + local.length, true);
  const out = new Uint8Array(dirOffset + local.length + directory.length + end.length);
  out.set(zip.subarray(0, dirOffset));
  out.set(local, dirOffset);
  out.set(directory, dirOffset + local.length);
  out.set(end, dirOffset + local.length + directory.length);
  return out;
}
