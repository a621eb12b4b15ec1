import { describe, expect, it } from 'vitest';
import { addClip, addScene, addToRootReturn, cutDurationInFrames, cutFiles, cutPlan, emptyStoryboard, parseStoryboard, CUT_COMPONENT_PATH, CUT_PLAN_PATH } from '../../../src/core/storyboard';
import { templateFiles } from './template-files';

function plan() {
  let b = addScene(emptyStoryboard(), { id: 's1', title: 'Opening' });
  b = addClip(b, 's1', { id: 'a', prompt: 'A', cutSeconds: 2 });
  b = addClip(b, 's1', { id: 'b', prompt: 'B', cutSeconds: 1.5 });
  return cutPlan(b, { fps: 30, width: 1280, height: 720 }, (id) => (id === 'a' ? 'takes/a.mp4' : null), 'music.mp3');
}

describe('the cut as Remotion code', () => {
  it('plans clips in order with frames and the take videos', () => {
    const p = plan();
    expect(p.clips.map((c) => [c.clipId, c.frames, c.video])).toEqual([['a', 60, 'takes/a.mp4'], ['b', 45, null]]);
    expect(cutDurationInFrames(p)).toBe(105);
  });

  it('writes a whole project when there is no code', () => {
    const { files, error } = cutFiles(plan(), new Map());
    expect(error).toBeUndefined();
    expect(Object.keys(files).sort()).toEqual(['src/Root.tsx', CUT_COMPONENT_PATH, CUT_PLAN_PATH, 'src/index.ts'].sort());
    expect(files[CUT_PLAN_PATH]).toContain('"takes/a.mp4"');
  });

  it("adds the composition to every template's Root, once", () => {
    for (const [name, root] of templateFiles()) {
      const { files, error } = cutFiles(plan(), new Map([['src/Root.tsx', root]]));
      expect(error, name).toBeUndefined();
      expect(files['src/Root.tsx'], name).toMatch(/<StoryboardComposition \/>\s*<\/>/);
      const again = cutFiles(plan(), new Map([['src/Root.tsx', files['src/Root.tsx']!]]));
      expect(again.files['src/Root.tsx'], name).toBeUndefined();
    }
  });

  it('says so when Root has no return it can extend', () => {
    expect(addToRootReturn('export const Root = () => <Composition />;')).toBeNull();
    expect(cutFiles(plan(), new Map([['src/Root.tsx', 'export default 1;']])).error).toMatch(/add <StoryboardComposition \/>/);
  });
});

describe('stored storyboards', () => {
  it('reads a valid one and refuses junk with a reason', () => {
    const b = addClip(addScene(emptyStoryboard(), { id: 's' }), 's', { id: 'c', prompt: 'x' });
    expect(parseStoryboard(JSON.parse(JSON.stringify(b))).board).toEqual(b);
    expect(parseStoryboard({ version: 1, scenes: 'nope' }).problem).toMatch(/could not be read/);
    expect(parseStoryboard(undefined).board.scenes).toEqual([]);
    const odd = parseStoryboard({ ...b, scenes: [{ ...b.scenes[0], clips: [{ id: 'c', shotType: 'sideways', generateSeconds: 'x' }] }] });
    expect(odd.board.scenes[0]!.clips[0]).toMatchObject({ shotType: 'medium', generateSeconds: 8 });
  });
});
