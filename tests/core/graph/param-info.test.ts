import { toJSONSchema } from 'zod';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_KINDS } from '../../../src/core/graph/kinds';
import { defaultParams } from '../../../src/core/graph/kind-registry';
import { fieldLabel, formatParamValue, optionLabel, paramLines } from '../../../src/core/graph/param-info';
import { veoVideoKind } from '../../../src/core/graph/kinds/video-kinds';

type FieldSchema = { enum?: unknown[]; anyOf?: { const?: unknown }[] };

/** The params as the inspector sees them: the JSON Schema of the kind's zod schema. */
const fieldsOf = (kind: (typeof BUILT_IN_KINDS)[number]) =>
  Object.entries((toJSONSchema(kind.params, { unrepresentable: 'any', io: 'input' }) as { properties: Record<string, FieldSchema> }).properties);

const choicesOf = (field: FieldSchema) => field.enum ?? (field.anyOf?.every((c) => 'const' in c) ? field.anyOf.map((c) => c.const) : []);

describe('param labels', () => {
  it('gives every param of every kind a human label: capitalised words, not the code name', () => {
    for (const kind of BUILT_IN_KINDS) {
      const fields = fieldsOf(kind);
      expect(fields.length, kind.kind).toBe(Object.keys(kind.paramInfo).length);
      for (const [key] of fields) {
        const info = kind.paramInfo[key];
        expect(info, `${kind.kind}.${key} has no label`).toBeDefined();
        expect(info!.label, `${kind.kind}.${key}`).toMatch(/^[A-Z]/);
        expect(info!.label, `${kind.kind}.${key}`).not.toMatch(/[a-z][A-Z]|_/);
      }
    }
  });

  it('names every choice of every kind as a person reads it (no snake_case or lowercase codes)', () => {
    for (const kind of BUILT_IN_KINDS)
      for (const [key, field] of fieldsOf(kind))
        for (const choice of choicesOf(field)) {
          const shown = optionLabel(kind.paramInfo[key], choice);
          expect(shown, `${kind.kind}.${key} = ${String(choice)}`).toMatch(/^[A-Z0-9]/);
          expect(shown, `${kind.kind}.${key} = ${String(choice)}`).not.toMatch(/_/);
        }
  });

  it('puts the unit in the form label and after the value on the node', () => {
    const info = veoVideoKind.paramInfo;
    expect(fieldLabel(info.durationSeconds)).toBe('Duration (s)');
    expect(fieldLabel(info.aspectRatio)).toBe('Aspect ratio');
    expect(formatParamValue(info.durationSeconds, 8)).toBe('8 s');
    expect(formatParamValue(info.mode, 'reference_images')).toBe('Reference images');
    expect(formatParamValue(info.seed, undefined)).toBe('');
    expect(formatParamValue({ label: 'Find downbeats' }, false)).toBe('Off');
  });

  it('lists the params a node shows, labelled, in declaration order; internal and unset ones never', () => {
    expect(paramLines(veoVideoKind.paramInfo, { ...defaultParams(veoVideoKind), mode: 'first_last_frame', seed: 7 })).toEqual([
      { key: 'mode', label: 'Mode', value: 'First + last frame' },
      { key: 'aspectRatio', label: 'Aspect ratio', value: '16:9 landscape' },
      { key: 'durationSeconds', label: 'Duration', value: '8 s' },
      { key: 'resolution', label: 'Resolution', value: '720p' },
    ]);
    for (const kind of BUILT_IN_KINDS) {
      const shown = new Set(paramLines(kind.paramInfo, defaultParams(kind)).map((l) => l.key));
      for (const [key, info] of Object.entries(kind.paramInfo)) if (info.internal) expect(shown.has(key), `${kind.kind}.${key}`).toBe(false);
    }
  });
});
