/**
 * Remotion's <OffthreadVideo>, <Html5Video> and <Html5Audio> cannot run in @remotion/web-renderer;
 * @remotion/media's <Video> and <Audio> can. These map one's props onto the other's, so a project
 * written for the Remotion CLI plays and exports unchanged in Director.
 */

/** Props of the old components that the new ones name differently or keep elsewhere. */
const RENAMED = { startFrom: 'trimBefore', endAt: 'trimAfter' } as const;

/** OffthreadVideo-only options that @remotion/media keeps in `fallbackOffthreadVideoProps`. */
const FALLBACK_ONLY = ['transparent', 'toneMapped', 'acceptableTimeShiftInSeconds', 'pauseWhenBuffering', 'crossOrigin', 'useWebAudioApi', 'onAutoPlayError'] as const;

/** Options with no meaning in the browser engine (server-render image format, amplification). */
const DROPPED = ['imageFormat', 'allowAmplificationDuringRender', 'onVideoFrame', 'stack', 'acceptableTimeShiftInSeconds', 'pauseWhenBuffering', 'crossOrigin', 'useWebAudioApi', 'onAutoPlayError', 'preload', 'playsInline', 'disableRemotePlayback', 'controls', 'autoPlay'] as const;

/**
 * <OffthreadVideo>/<Html5Video> props → @remotion/media <Video> props: `startFrom`/`endAt` become
 * `trimBefore`/`trimAfter` (the new names win when both are given), `transparent` and `toneMapped`
 * go to `fallbackOffthreadVideoProps`; volume, playbackRate, muted, loop, style and the rest pass through.
 * @example toMediaVideoProps({ src: 'a.mp4', startFrom: 30, endAt: 90, transparent: true })
 *   // { src: 'a.mp4', trimBefore: 30, trimAfter: 90, fallbackOffthreadVideoProps: { transparent: true } }
 */
export function toMediaVideoProps(props: Record<string, unknown>): Record<string, unknown> {
  const out = renameTrim(props);
  const fallback: Record<string, unknown> = { ...((props.fallbackOffthreadVideoProps as Record<string, unknown> | undefined) ?? {}) };
  for (const key of FALLBACK_ONLY) if (props[key] !== undefined) fallback[key] = props[key];
  for (const key of [...FALLBACK_ONLY, ...DROPPED]) delete out[key];
  if (Object.keys(fallback).length) out.fallbackOffthreadVideoProps = fallback;
  // <OffthreadVideo style={{ objectFit: 'cover' }}> fits an <img>; @remotion/media draws a canvas and takes the fit as a prop.
  const fit = (props.style as Record<string, unknown> | undefined)?.objectFit;
  if (out.objectFit === undefined && typeof fit === 'string') out.objectFit = fit;
  return out;
}

/** <Html5Audio>/<Audio> from `remotion` → @remotion/media <Audio>: the same trim renames, server-only options dropped. */
export function toMediaAudioProps(props: Record<string, unknown>): Record<string, unknown> {
  const out = renameTrim(props);
  for (const key of [...FALLBACK_ONLY, ...DROPPED]) delete out[key];
  return out;
}

function renameTrim(props: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...props };
  for (const [old, now] of Object.entries(RENAMED)) {
    if (out[now] === undefined && out[old] !== undefined) out[now] = out[old];
    delete out[old];
  }
  return out;
}
