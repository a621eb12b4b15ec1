/** Random URL-safe strings for share ids (128 bits) and delete tokens (256 bits). */
export function randomBase64Url(bytes: number): string {
  const buf = crypto.getRandomValues(new Uint8Array(bytes));
  let binary = '';
  for (const b of buf) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** 16 random bytes → 22 base64url characters. */
export const SHARE_ID = /^[A-Za-z0-9_-]{22}$/;
export const newShareId = () => randomBase64Url(16);
export const newDeleteToken = () => randomBase64Url(32);
