/**
 * @remotion/renderer sometimes rejects a pending DevTools call with "Target closed" after it closed
 * its own browser (seen after selectComposition fails on an unknown composition), with no handler
 * attached. The render already ended with a proper error; this rejection carries no news.
 */
export function isRemotionTargetClosed(error: unknown): boolean {
  const e = error as { name?: string; message?: string } | null;
  return !!e && e.name === 'ProtocolError' && /Target closed/.test(e.message ?? '');
}
