import { describe, expect, it } from 'vitest';
import { PropWiringError, resolveCompositionProps } from '../../../src/core/graph/composition-props';
import { defaultKindRegistry } from '../../../src/core/graph/kind-registry';
import { cacheKeysOfGraph } from '../../../src/core/graph/stale';
import { withOutsideIdentity } from '../../../src/core/graph/with-outside-identity';
import { renderQualityOptions } from '../../../src/core/preview/render-quality';
import { graphOf } from './helpers';

const montage = () =>
  graphOf(
    [
      ['p', 'prompt', { text: 'Hello' }],
      ['c', 'composition', { compositionId: 'Main', props: [{ name: 'title', type: 'text' }] }],
      ['r', 'render'],
      ['other', 'prompt', { text: 'unrelated' }],
    ],
    ['p.text->c.title', 'c.composition->r.composition'],
  );

describe('withOutsideIdentity', () => {
  it('re-keys the named kinds and their downstream when the outside identity changes, nothing else', () => {
    let source = 'v1';
    const registry = withOutsideIdentity(defaultKindRegistry, ['composition'], () => source);
    const before = cacheKeysOfGraph(montage(), registry);
    source = 'v2';
    const after = cacheKeysOfGraph(montage(), registry);
    expect(after.get('c')).not.toBe(before.get('c'));
    expect(after.get('r')).not.toBe(before.get('r'));
    expect(after.get('p')).toBe(before.get('p'));
    expect(after.get('other')).toBe(before.get('other'));
    source = 'v1';
    expect(cacheKeysOfGraph(montage(), registry)).toEqual(before);
  });

  it('keeps the kind list and unknown kinds as they were', () => {
    const registry = withOutsideIdentity(defaultKindRegistry, ['composition', 'no-such-kind'], () => 'x');
    expect(registry.list().map((k) => k.kind)).toEqual(defaultKindRegistry.list().map((k) => k.kind));
    expect(registry.get('prompt')).toBe(defaultKindRegistry.get('prompt'));
    expect(registry.get('no-such-kind')).toBeUndefined();
  });
});

describe('resolveCompositionProps', () => {
  const names = new Map([
    ['a1', 'generated/veo-1.mp4'],
    ['a2', 'generated/veo-2.mp4'],
    ['img', 'logo.png'],
  ]);
  const nameOf = (id: string) => names.get(id);

  it('turns texts, beats and media references into the props composition code reads', () => {
    const props = resolveCompositionProps(
      [
        { name: 'title', type: 'text' },
        { name: 'clips', type: 'video', multiple: true },
        { name: 'logo', type: 'image' },
        { name: 'music', type: 'beats' },
        { name: 'unwired', type: 'text' },
      ],
      { title: 'Launch day', clips: [{ assetId: 'a2' }, { assetId: 'a1' }], logo: { assetId: 'img' }, music: { bpm: 120, beats: [0.5, 1], downbeats: [0.5], durationSec: 3, extra: 1 } },
      nameOf,
    );
    expect(props).toEqual({ title: 'Launch day', clips: ['generated/veo-2.mp4', 'generated/veo-1.mp4'], logo: 'logo.png', music: { bpm: 120, beats: [0.5, 1], downbeats: [0.5], durationSec: 3 } });
  });

  it('names the prop when a wire carries the wrong thing or a file is gone', () => {
    expect(() => resolveCompositionProps([{ name: 'title', type: 'text' }], { title: { assetId: 'a1' } }, nameOf)).toThrow(new PropWiringError('Prop "title" expects text.'));
    expect(() => resolveCompositionProps([{ name: 'clip', type: 'video' }], { clip: { assetId: 'gone' } }, nameOf)).toThrow(/wired to prop "clip" is no longer in the project/);
    expect(() => resolveCompositionProps([{ name: 'm', type: 'beats' }], { m: { bpm: 'fast' } }, nameOf)).toThrow(/expects beats/);
  });
});

describe('renderQualityOptions', () => {
  it('renders drafts at half size and low bitrate, high at full size and high bitrate', () => {
    expect(renderQualityOptions('draft')).toEqual({ scale: 0.5, videoBitrate: 'low' });
    expect(renderQualityOptions('standard')).toEqual({ scale: 1, videoBitrate: 'medium' });
    expect(renderQualityOptions('high')).toEqual({ scale: 1, videoBitrate: 'high' });
  });
});

describe('take comparison helpers', () => {
  it('names the params that differ, deeply and in order', async () => {
    const { paramsThatDiffer, shortValue } = await import('../../../src/core/graph/take-diff');
    expect(paramsThatDiffer({ seed: 1, model: 'veo', opts: { a: 1, b: 2 } }, { seed: 2, model: 'veo', opts: { b: 2, a: 1 }, extra: true })).toEqual(['extra', 'seed']);
    expect(paramsThatDiffer({ a: [1, 2] }, { a: [2, 1] })).toEqual(['a']);
    expect(shortValue('x'.repeat(50), 10)).toBe('xxxxxxxxx…');
    expect(shortValue({ a: 1 })).toBe('{"a":1}');
    expect(shortValue(undefined)).toBe('—');
  });
});
