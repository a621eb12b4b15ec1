import { describe, expect, it } from 'vitest';
import { assetNameOfUrl, isRemoteUrl, localNameOfRemote, missingAssetMessage, namedAssetUrl, remoteAssetsWarning } from '../../../src/core/remotion-compat';

describe('isRemoteUrl', () => {
  it('is true for http, https and protocol-relative addresses only', () => {
    expect(['https://a.com/x.png', 'http://a.com/x.png', '//cdn.a.com/x.png', ' HTTPS://A.COM/X '].map(isRemoteUrl)).toEqual([true, true, true, true]);
    expect(['blob:null/1#a.png', 'data:image/png;base64,AA', '/public/a.png', 'a.png', 42, undefined].map(isRemoteUrl)).toEqual([false, false, false, false, false, false]);
  });
});

describe('remoteAssetsWarning', () => {
  it('lists every address once and says what to do', () => {
    const text = remoteAssetsWarning(['https://a.com/1.png', 'https://a.com/2.mp4', 'https://a.com/1.png']);
    expect(text).toMatch(/^2 remote assets could not be loaded/);
    expect(text).toContain('https://a.com/1.png, https://a.com/2.mp4.');
    expect(text).toContain("Save them into the project's assets");
  });
});

describe('named asset URLs', () => {
  it('carry the staticFile name in the fragment, also after a project rewrites the extension', () => {
    const url = namedAssetUrl('blob:null/3f2a', 'captions/my video.mp4');
    expect(url).toBe('blob:null/3f2a#captions/my%20video.mp4');
    expect(assetNameOfUrl(url)).toBe('captions/my video.mp4');
    expect(assetNameOfUrl(url.replace(/.mp4$/, '.json'))).toBe('captions/my video.json');
  });

  it('are not recognised in other URLs', () => {
    expect(assetNameOfUrl('https://a.com/x#y')).toBeNull();
    expect(assetNameOfUrl('blob:null/3f2a')).toBeNull();
    expect(assetNameOfUrl('blob:null/3f2a#%E0%A4%A')).toBeNull();
  });

  it('a missing name is one sentence naming it and the assets there are', () => {
    expect(missingAssetMessage('clip.json', ['clip.mp4'])).toBe('staticFile("clip.json"): this project has no asset named "clip.json" (yet). Assets: clip.mp4.');
    expect(missingAssetMessage('x.png', [])).toMatch(/Add it in the Assets panel\.$/);
  });
});

describe('localNameOfRemote', () => {
  it('keeps a remote file under remote/<host>/<path>, without the query', () => {
    expect(localNameOfRemote('https://CDN.example.com/img/a%20b.png?w=2#x')).toBe('remote/cdn.example.com/img/a b.png');
    expect(localNameOfRemote('//cdn.example.com/v.mp4')).toBe('remote/cdn.example.com/v.mp4');
  });

  it('refuses addresses that name no file or try to leave the folder', () => {
    expect(localNameOfRemote('https://example.com/')).toBeNull();
    expect(localNameOfRemote('https://example.com/api/image')).toBeNull();
    expect(localNameOfRemote('data:image/png;base64,AA')).toBeNull();
    expect(localNameOfRemote('https://example.com/%E0%A4%A.png')).toBeNull();
    // Dot segments, even encoded, resolve as the URL does and never leave remote/<host>/.
    expect(localNameOfRemote('https://example.com/a/%2E%2E/%2E%2E/b.png')).toBe('remote/example.com/b.png');
  });
});
