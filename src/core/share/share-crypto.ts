/**
 * End-to-end encryption of shared projects: AES-GCM 256 with a fresh key per share and a fresh
 * 12-byte IV, WebCrypto only (browsers and Node). The key travels only in the link's #fragment,
 * which browsers never send to a server; the edge stores ciphertext.
 */
const IV_BYTES = 12;
const FORMAT = 1;

export class ShareDecryptError extends Error {
  readonly code = 'share_decrypt_failed';
}

const toBase64Url = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const fromBase64Url = (text: string) => Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));

/** Encrypts bytes with a new key: [format byte][IV][ciphertext+tag], and the key as base64url. */
export async function encryptForShare(plain: Uint8Array): Promise<{ ciphertext: Uint8Array; key: string }> {
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt']);
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, plain as Uint8Array<ArrayBuffer>));
  const out = new Uint8Array(1 + IV_BYTES + sealed.length);
  out[0] = FORMAT;
  out.set(iv, 1);
  out.set(sealed, 1 + IV_BYTES);
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', key));
  return { ciphertext: out, key: toBase64Url(raw) };
}

/** Decrypts; a wrong key, a cut or tampered ciphertext all fail the GCM tag check. */
export async function decryptShare(ciphertext: Uint8Array, keyText: string): Promise<Uint8Array> {
  if (ciphertext[0] !== FORMAT || ciphertext.length < 1 + IV_BYTES + 16) throw new ShareDecryptError('The shared data is not a Director share (or is cut short).');
  let raw: Uint8Array;
  try {
    raw = fromBase64Url(keyText);
  } catch {
    throw new ShareDecryptError('The key in the link is malformed.');
  }
  if (raw.length !== 32) throw new ShareDecryptError('The key in the link is incomplete (was the link cut short?).');
  const key = await crypto.subtle.importKey('raw', raw as Uint8Array<ArrayBuffer>, 'AES-GCM', false, ['decrypt']);
  try {
    const iv = ciphertext.slice(1, 1 + IV_BYTES);
    return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, key, ciphertext.slice(1 + IV_BYTES)));
  } catch {
    throw new ShareDecryptError('This link’s key does not open the shared project: the link is wrong, or the data was tampered with.');
  }
}

/** `/s/<id>#<key>`: strict shapes (ids are 22+ base64url characters, keys 43). */
const SHARE_PATH = /^\/s\/([A-Za-z0-9_-]{16,64})$/;
const SHARE_KEY = /^#([A-Za-z0-9_-]{43})$/;

export function parseShareLink(pathname: string, hash: string): { id: string; key: string } | { error: string } {
  const id = SHARE_PATH.exec(pathname)?.[1];
  if (!id) return { error: 'This is not a share link.' };
  const key = SHARE_KEY.exec(hash)?.[1];
  if (!key) return { error: 'The link has no key (the part after #). Ask for the whole link again.' };
  return { id, key };
}

export function shareLink(appOrigin: string, id: string, key: string, edgeUrl?: string): string {
  const query = edgeUrl ? `?edge=${encodeURIComponent(edgeUrl)}` : '';
  return `${appOrigin}/s/${id}${query}#${key}`;
}
