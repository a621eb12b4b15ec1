/** An address on another site (http, https or protocol-relative): the sandbox cannot fetch it. */
export function isRemoteUrl(src: unknown): src is string {
  return typeof src === 'string' && /^(https?:)?\/\//i.test(src.trim());
}

/** The warning for remote media drawn as placeholders, listing every address once. */
export function remoteAssetsWarning(urls: readonly string[]): string {
  const list = [...new Set(urls)];
  return `${list.length === 1 ? 'A remote asset' : `${list.length} remote assets`} could not be loaded (the preview and the in-browser export have no network) and ${list.length === 1 ? 'is' : 'are'} drawn as a placeholder: ${list.join(', ')}. Save ${list.length === 1 ? 'it' : 'them'} into the project's assets and use staticFile(), or render on the server.`;
}
