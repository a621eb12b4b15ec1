import { describe, expect, it } from 'vitest';
import { checkProjectInput } from '../../../src/core/project/project';
import { newProjectFromPrompt, projectNameFromPrompt, sizeFromPrompt } from '../../../src/core/project/project-from-prompt';

describe('projectNameFromPrompt', () => {
  it.each([
    ['A 20-second launch video for our coffee app, warm colours, upbeat', '20-second launch video for our coffee app'],
    ["make a vertical TikTok about my cat's birthday party with confetti and balloons", "Vertical TikTok about my cat's birthday party"],
    ['Please create an explainer about how solar panels work.', 'Explainer about how solar panels work'],
    ['Can you make me a product video for Lumen? It is a lamp.', 'Product video for Lumen'],
    ["I'd like a square recap of our team offsite", 'Square recap of our team offsite'],
    ['“Rainy Tokyo nights” — a moody montage of neon streets', 'Rainy Tokyo nights'],
    ['   trailer\n\nfor the summer festival', 'Trailer'],
    ['the story of', 'Story'],
  ])('%j -> %j', (prompt, name) => {
    expect(projectNameFromPrompt(prompt)).toBe(name);
  });

  it('stays short: at most 48 characters, cut at a word and never on a dangling word', () => {
    const name = projectNameFromPrompt('An incredibly detailed cinematic journey through the ancient forests of the northern mountains');
    expect(name).toBe('Incredibly detailed cinematic journey through');
    expect(name.length).toBeLessThanOrEqual(48);
    expect(projectNameFromPrompt('x'.repeat(300))).toHaveLength(48);
  });

  it('falls back to "Untitled video" when the prompt names nothing', () => {
    expect(projectNameFromPrompt('')).toBe('Untitled video');
    expect(projectNameFromPrompt('   ')).toBe('Untitled video');
    expect(projectNameFromPrompt('please make a')).toBe('Untitled video');
    expect(projectNameFromPrompt('!!!')).toBe('Untitled video');
  });
});

describe('sizeFromPrompt', () => {
  it.each([
    ['a vertical video about hiking', 'portrait', 'vertical'],
    ['portrait format, 10 seconds', 'portrait', 'portrait'],
    ['a 9:16 teaser', 'portrait', '9:16'],
    ['9 x 16 clip', 'portrait', '9 x 16'],
    ['a TikTok about my dog', 'portrait', 'TikTok'],
    ['an Instagram reel for the bakery', 'portrait', 'Instagram reel'],
    ['reels for our launch week', 'portrait', 'reels'],
    ['an instagram story announcing the sale', 'portrait', 'instagram story'],
    ['YouTube Shorts about cooking', 'portrait', 'YouTube Shorts'],
    ['a square clip for the feed', 'square', 'square'],
    ['1:1 logo sting', 'square', '1:1'],
    ['an Instagram post about our menu', 'square', 'Instagram post'],
    ['a 16:9 trailer for TikTok fans', 'landscape', '16:9'],
    ['a widescreen trailer', 'landscape', 'widescreen'],
  ])('%j -> %s (cue %j)', (prompt, preset, cue) => {
    const size = sizeFromPrompt(prompt);
    expect(size.preset.id).toBe(preset);
    expect(size.cue).toBe(cue);
  });

  it('is landscape when the prompt says nothing about the format, also for a plain story or a demo reel', () => {
    for (const prompt of ['a launch video for our coffee app', 'tell the story of our brand in 30 seconds', 'a demo reel of my animation work', 'a highlight reel of the match', '']) {
      expect(sizeFromPrompt(prompt)).toMatchObject({ preset: { id: 'landscape', width: 1920, height: 1080 }, cue: null });
    }
  });
});

describe('newProjectFromPrompt', () => {
  it('gives a valid project input with the size presets of the project model', () => {
    const input = newProjectFromPrompt('Make a TikTok about my cat, with confetti');
    expect(input).toEqual({ name: 'TikTok about my cat', width: 1080, height: 1920, fps: 30 });
    expect(checkProjectInput(input)).toBeNull();
    expect(newProjectFromPrompt('square teaser')).toMatchObject({ width: 1080, height: 1080 });
    expect(checkProjectInput(newProjectFromPrompt(''))).toBeNull();
  });
});
