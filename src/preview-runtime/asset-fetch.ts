/**
 * Wraps the sandbox's fetch once: a request for an asset URL goes to the asset its name (the URL's
 * fragment) designates, so a name the project derived from another asset's URL is answered by that
 * asset, or fails with an error naming the missing file instead of returning the wrong bytes.
 */
export function installAssetFetch(resolve: (url: string) => string | Error | null) {
  const original = globalThis.fetch.bind(globalThis);
  globalThis.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const target = resolve(url);
    if (target instanceof Error) return Promise.reject(target);
    return original(target ?? input, init);
  };
}
