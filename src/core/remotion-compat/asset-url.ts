/**
 * Asset URLs carry their staticFile() name in the fragment: `blob:…/uuid#captions/video.mp4`. A
 * blob URL ignores its fragment when loaded, so media still plays; and a project that derives one
 * asset's URL from another's (Remotion's captions template turns `video.mp4` into `video.json`)
 * can be answered by name, or told clearly that the file does not exist.
 */
export function namedAssetUrl(blobUrl: string, name: string): string {
  return `${blobUrl}#${encodeURI(name)}`;
}

/** The staticFile() name in an asset URL's fragment; null for any other URL. */
export function assetNameOfUrl(url: string): string | null {
  if (!url.startsWith('blob:')) return null;
  const hash = url.indexOf('#');
  if (hash < 0) return null;
  try {
    return decodeURI(url.slice(hash + 1)) || null;
  } catch {
    return null;
  }
}

/** "staticFile("x") … no asset named …" for a derived name that is not in the project. */
export function missingAssetMessage(name: string, known: readonly string[]): string {
  const shown = known.slice(0, 20).join(', ');
  return `staticFile("${name}"): this project has no asset named "${name}" (yet). ${known.length ? `Assets: ${shown}${known.length > 20 ? ', …' : ''}.` : 'Add it in the Assets panel.'}`;
}
