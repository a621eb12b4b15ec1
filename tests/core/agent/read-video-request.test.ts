import { describe, expect, it } from 'vitest';
import { asksForNewVideo, editPlan, planFromPrompt, readAspect, readSeconds, sizeFor } from '../../../src/core/agent/local-director/read-video-request';
import { COLOUR_PALETTES } from '../../../src/core/agent/local-director/palettes';
import { DEFAULT_VIDEO_PLAN, parseVideoPlan, videoPlanSource } from '../../../src/core/templates/video-plan';

describe('reading a video request', () => {
  it('finds length, format and subject', () => {
    expect(readSeconds('a 10 second teaser')).toBe(10);
    expect(readSeconds('make it 20s')).toBe(20);
    expect(readSeconds('1.5 minutes long')).toBe(90);
    expect(readSeconds('half a minute')).toBe(30);
    expect(readSeconds('no length here')).toBeUndefined();
    expect(readSeconds('a 900 second epic')).toBe(180);
    expect(readAspect('a vertical video for TikTok')).toBe('portrait');
    expect(readAspect('square, 1:1')).toBe('square');
    expect(readAspect('16:9 please')).toBe('landscape');
    expect(readAspect('a video')).toBeUndefined();

    const coffee = planFromPrompt('Make a 10 second product teaser for a coffee brand');
    expect(coffee.plan.title).toBe('Coffee Brand');
    expect(coffee.colourName).toBe('brown');
    expect(coffee.plan.scenes[0]!.text).toBe('Something new is brewing.');
    const jazz = planFromPrompt('Create a 30 second vertical video about the history of jazz in purple');
    expect(jazz).toMatchObject({ aspect: 'portrait', colourName: 'purple' });
    expect(jazz.plan.title).toBe('History of Jazz');
    expect(jazz.plan.durationSeconds).toBe(30);
    expect(jazz.plan.scenes.length).toBe(5);
    expect(planFromPrompt('make an explainer about solar panels in 4 scenes').plan.scenes.length).toBe(4);
  });

  it('tells a new video from a change', () => {
    expect(asksForNewVideo('Make a 10 second teaser for a bakery')).toBe(true);
    expect(asksForNewVideo('make it blue')).toBe(false);
    expect(asksForNewVideo('add a scene about price')).toBe(false);
  });

  it('edits a plan and says what changed', () => {
    const base = DEFAULT_VIDEO_PLAN;
    expect(editPlan(base, 'make it red and 15 seconds')).toMatchObject({ changes: ['length 15 s', 'red colours'], plan: { durationSeconds: 15, palette: COLOUR_PALETTES.red } });
    const removed = editPlan(base, 'remove the second scene');
    expect(removed.plan.scenes.map((s) => s.heading)).toEqual(['My video', 'Thank you']);
    expect(editPlan(base, 'delete scene 7').changes[0]).toMatch(/there is no scene 7/);
    expect(editPlan(base, 'call it "Morning Brew"').plan).toMatchObject({ title: 'Morning Brew', scenes: [{ heading: 'Morning Brew' }, {}, {}] });
    expect(editPlan(base, 'change the text of scene 2 to "Fresh every morning"').plan.scenes[1]!.text).toBe('Fresh every morning');
    // The colour inside an added scene's topic is the scene's, not the palette's.
    const ocean = editPlan(base, 'add a scene about the blue ocean');
    expect(ocean.plan.palette).toEqual(base.palette);
    expect(ocean.plan.scenes.map((s) => s.heading)).toEqual(['My video', 'The idea', 'Blue Ocean', 'Thank you']);
    expect(editPlan(base, 'make it vertical')).toMatchObject({ aspect: 'portrait', changes: ['portrait format'] });
    expect(editPlan(base, 'something vague').changes).toEqual([]);
  });

  it('sizes formats at the project’s resolution', () => {
    expect(sizeFor('portrait', { width: 1920, height: 1080 })).toEqual({ width: 1080, height: 1920 });
    expect(sizeFor('square', { width: 1280, height: 720 })).toEqual({ width: 720, height: 720 });
    expect(sizeFor('landscape', { width: 1080, height: 1920 })).toEqual({ width: 1920, height: 1080 });
    expect(sizeFor('square', { width: 1080, height: 1080 })).toEqual({ width: 1080, height: 1080 });
    expect(sizeFor('portrait', { width: 1080, height: 1080 })).toEqual({ width: 1080, height: 1920 });
  });

  it('round-trips the plan file and refuses a broken one', () => {
    expect(parseVideoPlan(videoPlanSource(DEFAULT_VIDEO_PLAN))).toEqual(DEFAULT_VIDEO_PLAN);
    expect(parseVideoPlan('export const video = {"title": 1};')).toBeNull();
    expect(parseVideoPlan('export const video = {nope}')).toBeNull();
    expect(parseVideoPlan('const x = 1;')).toBeNull();
  });
});
