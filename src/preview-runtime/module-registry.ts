import * as React from 'react';
import * as ReactJsxRuntime from 'react/jsx-runtime';
import * as ReactJsxDevRuntime from 'react/jsx-dev-runtime';
import * as ReactDom from 'react-dom';
import * as ReactDomClient from 'react-dom/client';
import * as Remotion from 'remotion';
import * as RemotionNoReact from 'remotion/no-react';
import * as Zod from 'zod';
import * as Transitions from '@remotion/transitions';
import * as Fade from '@remotion/transitions/fade';
import * as Slide from '@remotion/transitions/slide';
import * as Wipe from '@remotion/transitions/wipe';
import * as Flip from '@remotion/transitions/flip';
import * as ClockWipe from '@remotion/transitions/clock-wipe';
import * as BookFlip from '@remotion/transitions/book-flip';
import * as ZoomBlur from '@remotion/transitions/zoom-blur';
import * as DreamyZoom from '@remotion/transitions/dreamy-zoom';
import * as FilmBurn from '@remotion/transitions/film-burn';
import * as LinearBlur from '@remotion/transitions/linear-blur';
import * as ZoomInOut from '@remotion/transitions/zoom-in-out';
import * as NoneTransition from '@remotion/transitions/none';
import * as Iris from '@remotion/transitions/iris';
import * as Dissolve from '@remotion/transitions/dissolve';
import * as Ripple from '@remotion/transitions/ripple';
import * as Crosswarp from '@remotion/transitions/crosswarp';
import * as CrossZoom from '@remotion/transitions/cross-zoom';
import * as Swap from '@remotion/transitions/swap';
import * as PushCut from '@remotion/transitions/push-cut';
import * as BlurSlide from '@remotion/transitions/blur-slide';
import * as Shapes from '@remotion/shapes';
import * as Paths from '@remotion/paths';
import * as Noise from '@remotion/noise';
import * as MediaUtils from '@remotion/media-utils';
import * as LayoutUtils from '@remotion/layout-utils';
import * as AnimationUtils from '@remotion/animation-utils';
import * as Captions from '@remotion/captions';
import * as ZodTypes from '@remotion/zod-types';
import * as Media from '@remotion/media';

/** Specifier -> module namespace, for every entry of core/bundler's VENDORED_SPECIFIERS but remotion's own. */
export const VENDORED_MODULES: Record<string, object> = {
  react: React,
  'react/jsx-runtime': ReactJsxRuntime,
  'react/jsx-dev-runtime': ReactJsxDevRuntime,
  'react-dom': ReactDom,
  'react-dom/client': ReactDomClient,
  remotion: Remotion,
  'remotion/no-react': RemotionNoReact,
  zod: Zod,
  'zod/v4': Zod,
  '@remotion/transitions': Transitions,
  '@remotion/transitions/fade': Fade,
  '@remotion/transitions/slide': Slide,
  '@remotion/transitions/wipe': Wipe,
  '@remotion/transitions/flip': Flip,
  '@remotion/transitions/clock-wipe': ClockWipe,
  '@remotion/transitions/book-flip': BookFlip,
  '@remotion/transitions/zoom-blur': ZoomBlur,
  '@remotion/transitions/dreamy-zoom': DreamyZoom,
  '@remotion/transitions/film-burn': FilmBurn,
  '@remotion/transitions/linear-blur': LinearBlur,
  '@remotion/transitions/zoom-in-out': ZoomInOut,
  '@remotion/transitions/none': NoneTransition,
  '@remotion/transitions/iris': Iris,
  '@remotion/transitions/dissolve': Dissolve,
  '@remotion/transitions/ripple': Ripple,
  '@remotion/transitions/crosswarp': Crosswarp,
  '@remotion/transitions/cross-zoom': CrossZoom,
  '@remotion/transitions/swap': Swap,
  '@remotion/transitions/push-cut': PushCut,
  '@remotion/transitions/blur-slide': BlurSlide,
  '@remotion/shapes': Shapes,
  '@remotion/paths': Paths,
  '@remotion/noise': Noise,
  '@remotion/media-utils': MediaUtils,
  '@remotion/layout-utils': LayoutUtils,
  '@remotion/animation-utils': AnimationUtils,
  '@remotion/captions': Captions,
  '@remotion/zod-types': ZodTypes,
  '@remotion/media': Media,
};

/** Marks a namespace as an ES module for esbuild's CommonJS interop, so default imports stay right. */
export function asCommonJs(namespace: object, overrides: Record<string, unknown> = {}): object {
  return Object.assign(Object.create(null), namespace, { __esModule: true }, overrides);
}
