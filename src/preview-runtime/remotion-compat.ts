/**
 * What a Remotion project written for the Remotion CLI expects from `remotion`, made to work in the
 * browser engine: <OffthreadVideo>/<Html5Video>/<Html5Audio> through @remotion/media, remote
 * media drawn as a visible placeholder (the sandbox has no network) with a warning, and
 * getStaticFiles()/watchStaticFile() over the project's assets. One place, so the preview, the
 * in-browser export and `director still/render` behave the same.
 */
import { createElement, type ComponentType, type CSSProperties } from 'react';
import * as Remotion from 'remotion';
import { Audio as MediaAudio, Video as MediaVideo } from '@remotion/media';
import { isRemoteUrl, remoteAssetsWarning, toMediaAudioProps, toMediaVideoProps } from '../core/remotion-compat';

export interface StaticFileInfo {
  name: string;
  src: string;
  sizeInBytes: number;
  lastModified: number;
}

export interface CompatOptions {
  staticFiles: () => StaticFileInfo[];
  warn: (code: string, message: string, urls?: string[]) => void;
  /** The project's saved copy of a remote file (see localNameOfRemote), as an asset URL; null without one. */
  localCopy: (url: string) => string | null;
}

type Props = Record<string, unknown>;

const PLACEHOLDER: CSSProperties = {
  width: '100%',
  height: '100%',
  boxSizing: 'border-box',
  display: 'flex',
  flexDirection: 'column',
  alignItems: 'center',
  justifyContent: 'center',
  padding: 12,
  backgroundColor: '#2b2b33',
  border: '3px dashed #f5b400',
  color: '#f5b400',
  font: '600 16px system-ui, sans-serif',
  textAlign: 'center',
  overflow: 'hidden',
};

/** The overrides spread over `remotion`'s namespace for one project. */
export function makeRemotionCompat({ staticFiles, warn, localCopy }: CompatOptions) {
  const remote = new Set<string>();
  const noteRemote = (src: string) => {
    if (remote.has(src)) return;
    remote.add(src);
    warn('remote-assets', remoteAssetsWarning([...remote]), [...remote]);
  };
  /** Remote media: the saved copy when the project has one, else null (drawn as a placeholder). */
  const local = (props: Props): Props | null => {
    const copy = localCopy(props.src as string);
    return copy ? { ...props, src: copy } : null;
  };
  const placeholder = (kind: string, props: Props) =>
    createElement(
      'div',
      { className: props.className as string | undefined, style: { ...PLACEHOLDER, ...(props.style as CSSProperties | undefined) }, 'data-director-placeholder': props.src as string, title: props.src as string },
      createElement('div', { style: { fontSize: 18, marginBottom: 6 } }, `${kind} not available offline`),
      createElement('div', { style: { fontSize: 12, fontWeight: 400 } }, String(props.src)),
    );

  const Img = ((props: Props) => {
    if (isRemoteUrl(props.src)) {
      const saved = local(props);
      if (saved) return createElement(Remotion.Img as ComponentType<Props>, saved);
      noteRemote(props.src);
      return placeholder('Image', props);
    }
    return createElement(Remotion.Img as ComponentType<Props>, props);
  }) as ComponentType<Props>;

  const Video = ((props: Props) => {
    if (isRemoteUrl(props.src)) {
      const saved = local(props);
      if (saved) return createElement(MediaVideo as ComponentType<Props>, toMediaVideoProps(saved));
      noteRemote(props.src);
      return placeholder('Video', props);
    }
    return createElement(MediaVideo as ComponentType<Props>, toMediaVideoProps(props));
  }) as ComponentType<Props>;

  const Audio = ((props: Props) => {
    if (isRemoteUrl(props.src)) {
      const saved = local(props);
      if (saved) return createElement(MediaAudio as ComponentType<Props>, toMediaAudioProps(saved));
      noteRemote(props.src);
      return null;
    }
    return createElement(MediaAudio as ComponentType<Props>, toMediaAudioProps(props));
  }) as ComponentType<Props>;

  return {
    Img,
    OffthreadVideo: Video,
    Video,
    Html5Video: Video,
    Audio,
    Html5Audio: Audio,
    /** As in the Remotion Studio: the files of public/, here the project's assets. */
    getStaticFiles: () => staticFiles(),
    /** Assets change by reloading the project, which re-renders everything: nothing to watch. */
    watchStaticFile: (_name: string, _callback: (file: StaticFileInfo | null) => void) => ({ cancel: () => undefined }),
  };
}
