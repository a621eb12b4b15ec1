/**
 * The sandbox has an opaque origin, so touching `localStorage` throws. Libraries in the runtime
 * (the web renderer keeps a setting there) expect it to work: give the sandbox its own in-memory
 * storage. It starts empty and dies with the frame; the app's storage stays out of reach.
 */
export function installPrivateStorage() {
  try {
    void window.localStorage;
    return;
  } catch {
    // opaque origin: fall through
  }
  const data = new Map<string, string>();
  const storage: Storage = {
    get length() {
      return data.size;
    },
    key: (i) => [...data.keys()][i] ?? null,
    getItem: (k) => data.get(String(k)) ?? null,
    setItem: (k, v) => void data.set(String(k), String(v)),
    removeItem: (k) => void data.delete(String(k)),
    clear: () => data.clear(),
  };
  Object.defineProperty(window, 'localStorage', { value: storage, configurable: true });
  Object.defineProperty(window, 'sessionStorage', { value: storage, configurable: true });
}
