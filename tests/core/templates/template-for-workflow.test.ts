import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { beatCutMontageWorkflow, characterThreeShotsWorkflow, STARTER_WORKFLOWS } from '../../../src/core/graph/starter-workflows';
import { TEMPLATES } from '../../../src/core/templates';
import { compositionIdsOf, templateForWorkflow } from '../../../src/core/templates/template-for-workflow';

describe('templateForWorkflow', () => {
  it('reads the composition each template registers', () => {
    expect(Object.fromEntries(TEMPLATES.map((t) => [t.id, compositionIdsOf(t)]))).toEqual({
      basic: ['Main'],
      'product-showcase': ['Showcase'],
      explainer: ['Explainer'],
      'beat-montage': ['BeatMontage'],
      scenes: ['Main'],
    });
  });

  it('gives the beat-cut montage starter the Beat montage code, and a workflow without a Composition node none', () => {
    expect(templateForWorkflow(beatCutMontageWorkflow)?.id).toBe('beat-montage');
    expect(templateForWorkflow(characterThreeShotsWorkflow)).toBeUndefined();
    const other = { ...beatCutMontageWorkflow, graph: { ...beatCutMontageWorkflow.graph, nodes: beatCutMontageWorkflow.graph.nodes.map((n) => (n.kind === 'composition' ? { ...n, params: { ...n.params, compositionId: 'Nope' } } : n)) } };
    expect(templateForWorkflow(other)).toBeUndefined();
  });

  it('every starter that renders a composition finds its template', () => {
    for (const w of STARTER_WORKFLOWS) {
      const wanted = w.graph.nodes.filter((n) => n.kind === 'composition');
      if (wanted.length) expect(templateForWorkflow(w), w.name).toBeDefined();
    }
  });
});

describe('template posters', () => {
  it('every template has a PNG poster for the Home gallery (scripts/make-template-posters.mjs makes them)', () => {
    for (const t of TEMPLATES) {
      const file = new URL(`../../../src/ui/home/template-posters/${t.id}.png`, import.meta.url);
      expect(existsSync(file), `${t.id}.png`).toBe(true);
      const bytes = readFileSync(file);
      expect([...bytes.subarray(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');
      expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([480, 270]);
    }
  });
});
