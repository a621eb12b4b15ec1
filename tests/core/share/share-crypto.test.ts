import { describe, expect, it } from 'vitest';
import { decryptShare, encryptForShare, parseShareLink, shareLink, ShareDecryptError } from '../../../src/core/share/share-crypto';

const plain = new TextEncoder().encode('a project archive '.repeat(100));

describe('share crypto', () => {
  it('round-trips with the key, with a fresh key and IV each time', async () => {
    const a = await encryptForShare(plain);
    const b = await encryptForShare(plain);
    expect(a.key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.key).not.toBe(b.key);
    expect(Buffer.from(a.ciphertext).equals(Buffer.from(b.ciphertext))).toBe(false);
    expect(await decryptShare(a.ciphertext, a.key)).toEqual(plain);
  });

  it('refuses a wrong key, tampered or cut ciphertext, and a malformed key', async () => {
    const { ciphertext, key } = await encryptForShare(plain);
    const other = await encryptForShare(plain);
    await expect(decryptShare(ciphertext, other.key)).rejects.toBeInstanceOf(ShareDecryptError);
    const tampered = ciphertext.slice();
    tampered[40] = tampered[40]! ^ 1;
    await expect(decryptShare(tampered, key)).rejects.toThrow(/tampered/);
    await expect(decryptShare(ciphertext.subarray(0, 20), key)).rejects.toThrow(/cut short/);
    await expect(decryptShare(ciphertext, key.slice(0, 20))).rejects.toThrow(/incomplete/);
  });

  it('parses links strictly', () => {
    const key = 'A'.repeat(43);
    expect(parseShareLink('/s/abcdefghijklmnopqrstuv', `#${key}`)).toEqual({ id: 'abcdefghijklmnopqrstuv', key });
    expect(parseShareLink('/s/abcdefghijklmnopqrstuv', '')).toMatchObject({ error: expect.stringMatching(/no key/) });
    expect(parseShareLink('/s/../../etc', `#${key}`)).toMatchObject({ error: expect.any(String) });
    expect(parseShareLink('/s/abcdefghijklmnopqrstuv', `#${key}x`)).toMatchObject({ error: expect.any(String) });
    expect(shareLink('https://app.test', 'abc', key)).toBe(`https://app.test/s/abc#${key}`);
  });
});
