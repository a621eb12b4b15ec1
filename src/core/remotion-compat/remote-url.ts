/** An address on another site (http, https or protocol-relative): the sandbox cannot fetch it. */
export function isRemoteUrl(src: unknown): src is string {
  return typeof src === 'string' && /^(https?:)?\/\//i.test(src.trim());
}

/** The warning for remote media drawn as placeholders, listing every address once. */
export function remoteAssetsWarning(urls: readonly string[]): string {
  const list = [...new Set(urls)];
  return `${list.length === 1 ? 'A remote asset' : `${list.length} remote assets`} could not be loaded (the preview and the in-browser export have no network) and ${list.length === 1 ? 'is' : 'are'} drawn as a placeholder: ${list.join(', ')}. Save ${list.length === 1 ? 'it' : 'them'} into the project's assets and use staticFile(), or render on the server.`;
}

/**
 * Where a remote file is kept once saved into the project: `remote/<host>/<path>`, so the runtime
 * finds it for the same URL and the project keeps working offline without a code change. Null for
 * a URL that cannot name a file.
 * @example localNameOfRemote('https://cdn.example.com/img/a%20b.png?w=2') // 'remote/cdn.example.com/img/a b.png'
 */
export function localNameOfRemote(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url.trim(), 'https://invalid.invalid');
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
  let path: string;
  try {
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  const segments = path.split('/').filter((s) => s && s !== '.' && s !== '..').map((s) => s.replace(/[\u0000-\u001f\u007f\\]/g, '_'));
  if (segments.length === 0 || !/\.[a-z0-9]{2,5}$/i.test(segments.at(-1)!)) return null;
  const name = ['remote', parsed.hostname.toLowerCase(), ...segments].join('/');
  return name.length <= 255 ? name : null;
}
