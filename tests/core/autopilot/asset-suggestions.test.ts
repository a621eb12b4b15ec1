import { describe, expect, it } from 'vitest';
import { suggestAssets, wordsOf } from '../../../src/core/autopilot';

const assets = [
  { id: '1', name: 'beach-waves_sunset.mp4', type: 'video/mp4' },
  { id: '2', name: 'IMG_2041.jpg', type: 'image/jpeg', description: 'A honeybee on a sunflower in a field' },
  { id: '3', name: 'bees.png', type: 'image/png', tags: ['hive', 'honey'] },
  { id: '4', name: 'bee-interview.wav', type: 'audio/wav' },
  { id: '5', name: 'officeMeeting.mp4', type: 'video/mp4' },
  { id: '6', name: 'city-waves.jpg', type: 'image/jpeg' },
];

describe('asset suggestions', () => {
  it('splits names into word stems and drops stop words', () => {
    expect(wordsOf('officeMeeting_02 the Bees.png')).toEqual(['office', 'meeting', 'bee', 'png']);
  });

  it('ranks by shared words, rare words first, using tags and descriptions; never audio', () => {
    const top = suggestAssets('Bees carry honey back to the hive', assets);
    expect(top.map((s) => s.assetId)).toEqual(['3']);
    expect(top[0]!.matched).toEqual(['bee', 'honey', 'hive']);
    expect(suggestAssets('A sunflower field', assets).map((s) => s.assetId)).toEqual(['2']);
    // "sunset" is rarer than "waves" (in two assets): the beach wins.
    expect(suggestAssets('Waves at sunset', assets).map((s) => s.assetId)).toEqual(['1', '6']);
  });

  it('offers at most three and nothing when no word is shared', () => {
    const many = Array.from({ length: 6 }, (_, i) => ({ id: `m${i}`, name: `mountain-${i}.jpg`, type: 'image/jpeg' }));
    expect(suggestAssets('mountains', many)).toHaveLength(3);
    expect(suggestAssets('quantum computing', assets)).toEqual([]);
    expect(suggestAssets('', assets)).toEqual([]);
  });
});
