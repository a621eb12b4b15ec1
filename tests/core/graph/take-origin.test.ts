import { describe, expect, it } from 'vitest';
import { originOf, takeOrigin } from '../../../src/core/graph/take-origin';

describe('take origin', () => {
  it('is local when the edge named the local demo provider that answered', () => {
    expect(originOf('veo', new Headers({ 'X-Director-Local-Provider': 'veo' }))).toEqual({ provider: 'veo', local: true });
    expect(originOf('veo', new Headers())).toEqual({ provider: 'veo', local: false });
  });

  it('reads only a well-formed origin back from a take', () => {
    expect(takeOrigin({ video: { assetId: 'a' }, origin: { provider: 'runway', local: true } })).toEqual({ provider: 'runway', local: true });
    expect(takeOrigin({ video: { assetId: 'a' } })).toBeUndefined();
    expect(takeOrigin({ origin: { provider: 'veo', local: 'yes' } })).toBeUndefined();
  });
});
