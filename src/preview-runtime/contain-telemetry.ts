/**
 * @remotion/web-renderer posts a usage event to remotion.pro after each render (what it sends:
 * the event kind, the page origin, success, still-or-video, and the license key if any). Offline
 * that request fails and the library leaves the rejection unhandled. Let it try, and keep its
 * failure from reaching the person as an error.
 */
export function containRendererTelemetry() {
  const failures = new WeakSet<object>();
  const originalFetch = globalThis.fetch.bind(globalThis);
  globalThis.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!/remotion\.(pro|dev)\/api\/track\//.test(url)) return originalFetch(input, init);
    return originalFetch(input, init).catch((error: unknown) => {
      if (error && typeof error === 'object') failures.add(error);
      throw error;
    });
  };
  addEventListener('unhandledrejection', (event) => {
    const reason = event.reason as { message?: string } | undefined;
    if ((reason && typeof reason === 'object' && failures.has(reason)) || /Request timed out after 10 seconds/.test(reason?.message ?? '')) {
      event.preventDefault();
      console.info('[director] Remotion usage telemetry could not be sent (offline?); nothing else is affected.');
    }
  });
}
