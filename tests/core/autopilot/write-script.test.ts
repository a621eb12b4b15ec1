import { describe, expect, it } from 'vitest';
import { parseStoryboard, emptyStoryboard } from '../../../src/core/storyboard';
import { DEFAULT_SCRIPT_OPTIONS, parseScriptAnswer, scriptRequestBody, scriptToStoryboard, templateScript, writeScript, type GenerateContent } from '../../../src/core/autopilot';

const answer = (text: string) => ({ candidates: [{ content: { parts: [{ text }], role: 'model' }, finishReason: 'STOP' }] });
const goodScript = {
  title: 'Tides',
  hook: 'Why does the sea breathe?',
  scenes: [
    { narration: 'The moon pulls the ocean.', onScreenText: 'The moon', visualDescription: 'Moon over the sea at night', durationS: 5 },
    { narration: 'Twice a day the water rises.', onScreenText: '', visualDescription: 'Waves climbing a beach', durationS: 120 },
  ],
};

/** A model that answers each request from a list, recording the requests. */
function scripted(answers: unknown[]) {
  const bodies: ReturnType<typeof scriptRequestBody>[] = [];
  const generate: GenerateContent = async (body) => {
    bodies.push(body);
    return answers[bodies.length - 1];
  };
  return { generate, bodies };
}

describe('script from a topic', () => {
  it('asks for JSON with a response schema and the options', () => {
    const body = scriptRequestBody('tides', { lengthS: 60, tone: 'calm', audience: 'children', language: 'de' });
    expect(body.generationConfig.responseMimeType).toBe('application/json');
    expect(body.generationConfig.responseSchema.required).toEqual(['title', 'hook', 'scenes']);
    const rules = body.systemInstruction.parts[0]!.text;
    expect(rules).toMatch(/about 60 seconds in 9 scenes/);
    expect(rules).toMatch(/Tone: calm\. Audience: children\. Language .*: de\./);
    expect(body.contents[0]!.parts[0]!.text).toBe('Topic: tides');
  });

  it('accepts a valid answer and clamps scene durations', async () => {
    const { generate, bodies } = scripted([answer('```json\n' + JSON.stringify(goodScript) + '\n```')]);
    const result = await writeScript(generate, 'tides', DEFAULT_SCRIPT_OPTIONS);
    expect(bodies).toHaveLength(1);
    if (!result.ok) throw new Error(result.message);
    expect(result.value.source).toBe('model');
    expect(result.value.scenes.map((s) => s.durationS)).toEqual([5, 30]);
  });

  it('retries a malformed answer once, telling the model why', async () => {
    const { generate, bodies } = scripted([answer('Sure! Here is a script: ...'), answer(JSON.stringify(goodScript))]);
    const result = await writeScript(generate, 'tides', DEFAULT_SCRIPT_OPTIONS);
    expect(result.ok).toBe(true);
    expect(bodies).toHaveLength(2);
    expect(bodies[1]!.systemInstruction.parts[0]!.text).toMatch(/previous answer could not be used: The script answer is not JSON/);
  });

  it('reports a second malformed answer with the reason', async () => {
    const noNarration = { ...goodScript, scenes: [{ ...goodScript.scenes[0], narration: ' ' }] };
    const { generate, bodies } = scripted([answer(JSON.stringify(noNarration)), answer(JSON.stringify(noNarration))]);
    const result = await writeScript(generate, 'tides', DEFAULT_SCRIPT_OPTIONS);
    expect(bodies).toHaveLength(2);
    expect(result).toEqual({ ok: false, code: 'invalid_script', message: expect.stringMatching(/twice in a row: .*scenes\.0\.narration: a scene has no narration/) });
  });

  it('does not retry a blocked topic', async () => {
    const { generate, bodies } = scripted([{ promptFeedback: { blockReason: 'SAFETY' } }]);
    const result = await writeScript(generate, 'x', DEFAULT_SCRIPT_OPTIONS);
    expect(bodies).toHaveLength(1);
    expect(result).toMatchObject({ ok: false, code: 'content_blocked' });
  });

  it('rejects hostile shapes without throwing', () => {
    for (const text of ['null', '[]', '{"title":1}', '{"title":"t","hook":"h","scenes":"no"}', '{"title":"t","scenes":[{"narration":"a","visualDescription":"b","durationS":"5"}]}']) {
      expect(parseScriptAnswer(text, 'en').ok, text).toBe(false);
    }
  });
});

describe('the offline template outline', () => {
  it('is about the topic, fills the length and ends with a closing', () => {
    const script = templateScript('  how bees make honey. ', { ...DEFAULT_SCRIPT_OPTIONS, lengthS: 45 });
    expect(script.source).toBe('template');
    expect(script.title).toBe('How bees make honey');
    expect(script.scenes).toHaveLength(6);
    expect(script.scenes.every((s) => s.narration.includes('how bees make honey'))).toBe(true);
    expect(script.scenes.reduce((n, s) => n + s.durationS, 0)).toBeCloseTo(45);
    expect(script.scenes.at(-1)!.onScreenText).toBe('Thanks for watching');
    // The template is itself a valid model answer (the local stand-in returns the same shape).
    expect(parseScriptAnswer(JSON.stringify(script), 'en').ok).toBe(true);
    // A capitalised question word reads lower-case inside a sentence; a name keeps its capital.
    expect(templateScript('How tides work', DEFAULT_SCRIPT_OPTIONS).scenes[0]!.narration).toBe('Here is how tides work, in a few short steps.');
    expect(templateScript('Paris in spring', DEFAULT_SCRIPT_OPTIONS).scenes[0]!.narration).toMatch(/^Here is Paris in spring/);
  });
});

describe('script → storyboard scenes', () => {
  it('makes one scene per script scene with narration, text and a clip of the right length', () => {
    let n = 0;
    const board = scriptToStoryboard(templateScript('volcanoes', DEFAULT_SCRIPT_OPTIONS), { ...emptyStoryboard(), music: { assetId: 'm', name: 'm.mp3' } }, () => `id${n++}`);
    expect(board.music?.assetId).toBe('m');
    expect(board.scenes).toHaveLength(6);
    const first = board.scenes[0]!;
    expect(first.narration).toMatch(/volcanoes/);
    expect(first.onScreenText).toBe('Volcanoes');
    expect(first.clips[0]!).toMatchObject({ prompt: expect.stringMatching(/volcanoes/), cutSeconds: 7.5, generateSeconds: 8 });
    // Stored and read back through the storyboard gate, the new fields survive; old boards stay valid.
    expect(parseStoryboard(JSON.parse(JSON.stringify(board))).board.scenes[0]!.narration).toBe(first.narration);
    expect(parseStoryboard({ version: 1, scenes: [{ id: 's', title: 'Old', notes: '', clips: [] }], characters: [], styles: [], snapTo: 'beat' }).problem).toBeUndefined();
  });
});
