import { strToU8, zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import { BACKUP_LIMITS } from '../../../src/core/backup/limits';
import { packProjectArchive } from '../../../src/core/backup/pack-archive';
import { readProjectArchive } from '../../../src/core/backup/read-archive';
import { PNG_1PX, sampleBundle } from '../../fixtures/bundles';
import { makeTestSvgSanitizer } from '../../../src/core/agent/testing/test-svg-sanitizer';

const svg = makeTestSvgSanitizer();

const pack = () => packProjectArchive(sampleBundle(), 'Director test', 1_700_000_200_000);

/** Rebuilds an archive from the sample with one change to its entries or manifest. */
function tamper(change: (entries: Zippable, manifest: Record<string, any>) => void): Uint8Array {
  const entries: Zippable = {};
  const original = pack();
  const { unzipSync } = require('fflate') as typeof import('fflate');
  for (const [name, data] of Object.entries(unzipSync(original))) entries[name] = data;
  const manifest = JSON.parse(new TextDecoder().decode(entries['manifest.json'] as Uint8Array));
  change(entries, manifest);
  entries['manifest.json'] = strToU8(JSON.stringify(manifest));
  return zipSync(entries);
}

function expectError(bytes: Uint8Array, code: string, message: RegExp, limits = BACKUP_LIMITS) {
  const result = readProjectArchive(bytes, svg, limits);
  expect(result.ok).toBe(false);
  if (!result.ok) {
    expect(result.code).toBe(code);
    expect(result.message).toMatch(message);
  }
}

describe('readProjectArchive', () => {
  it('round-trips a project: sources, asset bytes and records', () => {
    const result = readProjectArchive(pack(), svg);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const original = sampleBundle();
    expect(result.value.project).toEqual(original.project);
    expect(result.value.files).toEqual(original.files);
    expect(result.value.assets[0]!.bytes).toEqual(PNG_1PX);
    expect(result.value.records.clips![0]).toMatchObject({ sceneId: 'scene-00000001', assetId: 'asset-0001-logo' });
    expect(result.value.records.versions![0]!.files).toEqual([{ path: 'src/Root.tsx', content: 'v1' }]);
  });

  it('refuses a file that is not a zip', () => {
    expectError(strToU8('{"format":"director-project"}'), 'not_a_zip', /^This file is not a Director backup \(it is not a zip archive\)/);
  });

  it('refuses a truncated archive', () => {
    const bytes = pack();
    expectError(bytes.subarray(0, Math.floor(bytes.length * 0.6)), 'corrupt', /^This backup is damaged or incomplete: the zip archive cannot be read \(.+\)\. Nothing was imported: export the project again, or use another copy of the file\.$/);
  });

  it('refuses an archive whose end-of-directory record is damaged', () => {
    const bytes = pack().slice();
    bytes.fill(0x41, bytes.length - 22, bytes.length - 18);
    expectError(bytes, 'corrupt', /^This backup is damaged or incomplete/);
  });

  it.each([
    ['../../evil.sh', /"\.\."/],
    ['src/../../etc/passwd', /"\.\."/],
    ['/etc/passwd', /absolute|src\//],
    ['src/C:/windows/x', /drive letter/],
    ['src\\..\\x.ts', /backslash/],
    ['src/a\u0000b.ts', /control characters/],
    ['src//double.ts', /empty segment|absolute/],
    ['notes.txt', /src\/, assets\/ or records\//],
  ])('refuses the hostile entry name %j', (name, reason) => {
    const bytes = zipSync({ 'manifest.json': strToU8('{}'), [name]: strToU8('x') });
    expectError(bytes, 'unsafe_entry', reason);
    expectError(bytes, 'unsafe_entry', /^This file is not a safe Director backup: it holds a file named ".*", which is not allowed \(.+\)\. Nothing was imported\.$/);
  });

  it('refuses a manifest that lists a traversal path', () => {
    const bytes = tamper((entries, manifest) => {
      manifest.files[0].path = '../../outside.ts';
    });
    expectError(bytes, /* the entry itself is named safely, so the manifest check speaks */ 'invalid_manifest', /^This backup is damaged: its manifest has a wrong entry \(files\.0\.path: unsafe path/);
  });

  it('refuses an archive with 10,000 entries before decompressing', () => {
    const entries: Zippable = { 'manifest.json': strToU8('{}') };
    for (let i = 0; i < 10_000; i++) entries[`src/f${i}.ts`] = strToU8('');
    expectError(zipSync(entries, { level: 0 }), 'too_many_entries', /^This file is not a Director backup: it holds more than 5000 files/);
  });

  it('refuses an archive over the size limit', () => {
    expectError(pack(), 'too_large', /^This file is too large to import: .+, the limit is 100 B\.$/, { ...BACKUP_LIMITS, maxArchiveBytes: 100 });
  });

  it('refuses an archive that expands past the total limit', () => {
    expectError(pack(), 'too_large', /^This backup is too large to import: it unpacks to /, { ...BACKUP_LIMITS, maxTotalUncompressedBytes: 50 });
  });

  it('refuses a zip bomb from its central directory', () => {
    const bytes = zipSync({ 'manifest.json': strToU8('{}'), 'src/zeros.ts': new Uint8Array(32 * 1024 * 1024) }, { level: 9 });
    expectError(bytes, 'zip_bomb', /^This file is not a safe Director backup: "src\/zeros\.ts" would grow from .+ to 32(\.0)? MB when unpacked \(a zip bomb\)\. Nothing was imported\.$/);
  });

  it('refuses an archive without a manifest', () => {
    expectError(zipSync({ 'src/index.ts': strToU8('x') }), 'missing_manifest', /^This file is not a Director backup \(its manifest is missing\)/);
  });

  it('refuses a manifest that is not JSON', () => {
    expectError(zipSync({ 'manifest.json': strToU8('{not json') }), 'invalid_manifest', /^This backup is damaged: its manifest cannot be read \(it is not valid JSON\)/);
  });

  it('names the field when the manifest has wrong types', () => {
    const bytes = tamper((_, manifest) => {
      manifest.project.width = 'big';
    });
    expectError(bytes, 'invalid_manifest', /^This backup is damaged: its manifest has a wrong entry \(project\.width: .*number/);
  });

  it('refuses unknown manifest keys and wrong format versions', () => {
    expectError(tamper((_, m) => (m.formatVersion = 99)), 'invalid_manifest', /^This backup was made by a newer version of Director \(backup format 99; this one reads format 1\)\. Update Director, then import it again\.$/);
    expectError(tamper((_, m) => (m.formatVersion = 0)), 'invalid_manifest', /wrong entry \(formatVersion/);
    expectError(tamper((_, m) => (m.script = 'alert(1)')), 'invalid_manifest', /^This backup is damaged: its manifest has a wrong entry \(.*script/i);
  });

  it('refuses an entry the manifest does not list, and a listed entry that is missing', () => {
    expectError(tamper((entries) => (entries['src/extra.ts'] = strToU8('x'))), 'mismatch', /^This backup is damaged: it holds "src\/extra\.ts", which its manifest does not list\./);
    expectError(tamper((entries) => delete entries['src/src/Root.tsx']), 'mismatch', /its manifest lists "src\/src\/Root\.tsx", but the file does not hold it/);
  });

  it('refuses a size that disagrees with the manifest', () => {
    expectError(tamper((_, m) => (m.files[0].size += 1)), 'mismatch', /^This backup is damaged: ".+" is \d+ bytes, but the manifest says \d+\./);
  });

  it('refuses an asset whose bytes contradict its type', () => {
    expectError(tamper((entries, m) => {
      entries['assets/asset-0001-logo'] = strToU8('<script>alert(1)</script>');
      m.assets[0].size = 25;
    }), 'wrong_type', /^This file is not a safe Director backup: the asset "logo\.png" should be image\/png, but Director cannot recognise its bytes as any media it can play\. Nothing was imported\.$/);
  });

  it('refuses a non-media asset type', () => {
    expectError(tamper((_, m) => (m.assets[0].type = 'text/html')), 'invalid_manifest', /assets\.0\.type/);
  });

  it('refuses source that is not UTF-8', () => {
    expectError(tamper((entries, m) => {
      entries['src/src/Root.tsx'] = new Uint8Array([0xff, 0xfe, 0x00]);
      m.files[1].size = 3;
    }), 'invalid_file', /^This backup is damaged: the source file src\/Root\.tsx is not text \(UTF-8\)\./);
  });

  it('refuses malformed records', () => {
    expectError(tamper((entries) => (entries['records/scenes.json'] = strToU8('{"id":1}'))), 'invalid_records', /^This backup is damaged: its scenes records are not a list/);
    expectError(tamper((entries) => (entries['records/scenes.json'] = strToU8('[{"title":"no id"}]'))), 'invalid_records', /^This backup is damaged: one of its scenes records is wrong \(records\/scenes\.json row 0: id/);
    expectError(
      tamper((entries) => (entries['records/versions.json'] = strToU8('[{"id":"version-0001","label":"x","createdAt":1,"files":[{"path":"../x","content":""}]}]'))),
      'invalid_records',
      /unsafe path/,
    );
  });

  it('says in plain words what is wrong and what to do, never schema jargon first', () => {
    const cases: [Uint8Array, string][] = [
      [strToU8('just text'), 'This file is not a Director backup (it is not a zip archive). Choose a .director.zip file made with Export in Director.'],
      [zipSync({ 'IMG_0001.jpg': strToU8('photo'), 'notes/readme.txt': strToU8('hi') }), 'This file is not a Director backup (its manifest is missing). Choose a .director.zip file made with Export in Director.'],
      [zipSync({ 'manifest.json': strToU8('{}'), 'notes/readme.txt': strToU8('hi') }), 'This file is not a safe Director backup: it holds a file named "notes/readme.txt", which is not allowed (entries live under src/, assets/ or records/). Nothing was imported.'],
      [zipSync({ 'src/index.ts': strToU8('x') }), 'This file is not a Director backup (its manifest is missing). Choose a .director.zip file made with Export in Director.'],
      [zipSync({ 'manifest.json': strToU8('{"format":"something-else"}') }), 'This file is not a Director backup (its manifest does not describe a Director project). Choose a .director.zip file made with Export in Director.'],
      [zipSync({ 'manifest.json': strToU8('{not json') }), 'This backup is damaged: its manifest cannot be read (it is not valid JSON). Nothing was imported: export the project again, or use another copy of the file.'],
    ];
    for (const [bytes, message] of cases) expect(readProjectArchive(bytes, svg)).toMatchObject({ ok: false, message });
    const wrong = readProjectArchive(tamper((_, m) => (m.project.width = 'big')), svg);
    expect(wrong.ok || wrong.message).toMatch(/^This backup is damaged: its manifest has a wrong entry \(project\.width: [^)]+\)\. Nothing was imported: export the project again, or use another copy of the file\.$/);
  });
});
