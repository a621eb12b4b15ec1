import { z } from 'zod';
import { encodeBase64 } from '../../util/base64';
import { defineTool, fail } from './tool-types';
import { readSources } from './tool-helpers';

const args = z.object({
  frame: z.number().int().min(0),
  question: z.string().min(3).max(500).describe('What to check, e.g. "Is the title fully visible and readable against the background?"'),
  compositionId: z.string().min(1).max(120).optional(),
});

const VERDICT_SCHEMA = {
  type: 'OBJECT' as const,
  properties: {
    verdict: { type: 'STRING' as const, enum: ['pass', 'fail', 'unsure'] },
    answer: { type: 'STRING' as const },
  },
  required: ['verdict', 'answer'],
};

/** Renders one frame and asks the vision model a question about it; a "fail" verdict is fed back for correction. */
export const visualFrameInspection = defineTool({
  name: 'visual_frame_inspection',
  description:
    'Render one frame as an image and have a vision model answer a question about it (layout, legibility, overlap, colours). Returns verdict pass|fail|unsure and the answer. A fail or unsure must be fixed (or asked again more precisely) and checked again.',
  args,
  mutates: false,
  async run(a, { workspace, stillRenderer, helperModel, signal }) {
    const sources = await readSources(workspace);
    const still = await stillRenderer.renderStill({ ...sources, frame: a.frame, compositionId: a.compositionId, scale: 0.5, signal });
    if (!still.ok) return fail(still.code, still.message);
    const reply = await helperModel.generate(
      {
        systemInstruction:
          'You inspect single video frames for a motion designer. Answer the question about the image precisely and briefly. verdict: "pass" if the frame satisfies what is asked or looks right, "fail" if there is a visible problem (say what and where), "unsure" if the image cannot tell.',
        contents: [{ role: 'user', parts: [{ inlineData: { mimeType: 'image/png', data: encodeBase64(still.png) } }, { text: `Frame ${a.frame} of composition ${still.compositionId} (${still.width}×${still.height}). ${a.question}` }] }],
        functionCallingMode: 'NONE',
        responseMimeType: 'application/json',
        responseSchema: VERDICT_SCHEMA,
        temperature: 0,
      },
      { signal },
    );
    const parsed = parseVerdict(reply.text);
    // "unsure" is not a pass: the frame was not confirmed to look right.
    const passed = parsed.verdict === 'pass';
    const problem = parsed.verdict === 'fail' ? `frame ${a.frame}: ${parsed.answer}` : `frame ${a.frame}: the vision check could not tell (${parsed.answer || 'no answer'}); ask a sharper question or fix what is doubtful`;
    return {
      ok: true,
      summary: `frame ${a.frame}: ${parsed.verdict}`,
      output: { frame: a.frame, compositionId: still.compositionId, verdict: parsed.verdict, answer: parsed.answer },
      check: { kind: 'visual', clean: passed, problems: passed ? [] : [problem] },
    };
  },
});

function parseVerdict(text: string): { verdict: 'pass' | 'fail' | 'unsure'; answer: string } {
  try {
    const json = JSON.parse(text.trim().replace(/^```(?:json)?\s*|\s*```$/g, '')) as { verdict?: string; answer?: string };
    const verdict = json.verdict === 'pass' || json.verdict === 'fail' ? json.verdict : 'unsure';
    return { verdict, answer: String(json.answer ?? '').slice(0, 1000) };
  } catch {
    // A plain-text answer still helps; without a verdict it neither passes nor fails the turn.
    return { verdict: 'unsure', answer: text.slice(0, 1000) };
  }
}
