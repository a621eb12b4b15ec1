import type { SandboxToHost } from './sandbox-protocol';

type Shape = (m: Record<string, unknown>) => boolean;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown, max = 100_000): v is string => typeof v === 'string' && v.length <= max;
const isCount = (v: unknown) => Number.isSafeInteger(v) && (v as number) >= 0;
const isNumber = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
const isBlob = (v: unknown) => typeof Blob !== 'undefined' && v instanceof Blob;
const optional = (check: (v: unknown) => boolean) => (v: unknown) => v === undefined || check(v);
const isErrorInfo = (v: unknown) => isObject(v) && isText(v.message) && optional(isText)(v.stack) && optional(isText)(v.componentStack);
const isComposition = (v: unknown) =>
  isObject(v) &&
  isText(v.id, 200) &&
  [v.width, v.height, v.fps, v.durationInFrames].every((n) => isNumber(n) && (n as number) > 0) &&
  isObject(v.defaultProps) &&
  (v.propsSchema === null || isObject(v.propsSchema));
const isCssIssue = (v: unknown) => isObject(v) && isText(v.property, 200) && isText(v.value, 2000) && isText(v.element, 500);
const isTextLayer = (v: unknown) =>
  isObject(v) &&
  isText(v.text, 200) &&
  [v.x, v.y, v.width, v.height, v.fontSizePx].every(isNumber) &&
  Array.isArray(v.color) &&
  v.color.length === 4 &&
  v.color.every(isNumber) &&
  typeof v.bold === 'boolean' &&
  typeof v.outlined === 'boolean';
const isFrameLayout = (v: unknown) => isObject(v) && isCount(v.frame) && isText(v.signature, 100) && listOf(isTextLayer, 500)(v.texts);
const isLayout = (v: unknown) =>
  isObject(v) && isText(v.compositionId, 200) && [v.width, v.height, v.durationInFrames].every((n) => isNumber(n) && (n as number) > 0) && listOf(isFrameLayout, 100)(v.frames);
const listOf = (check: (v: unknown) => boolean, max: number) => (v: unknown) => Array.isArray(v) && v.length <= max && v.every(check);

/** Every message the runtime may send, with the fields it must carry. */
const SHAPES: { [K in SandboxToHost['type']]: Shape } = {
  'director:sandbox-loaded': () => true,
  ready: () => true,
  loaded: (m) => isCount(m.requestId) && listOf(isComposition, 500)(m.compositions),
  'load-error': (m) => isCount(m.requestId) && isErrorInfo(m.error),
  shown: (m) => isText(m.compositionId, 200),
  frame: (m) => isCount(m.frame) && typeof m.playing === 'boolean',
  'runtime-error': (m) => isErrorInfo(m.error),
  'still-result': (m) => isCount(m.requestId) && isBlob(m.blob),
  'render-progress': (m) =>
    isCount(m.requestId) && isNumber(m.progress) && isCount(m.renderedFrames) && isCount(m.encodedFrames) && (m.etaMs === null || isNumber(m.etaMs)),
  'render-result': (m) => isCount(m.requestId) && isBlob(m.blob),
  'css-report': (m) => isCount(m.requestId) && listOf(isCssIssue, 1000)(m.issues),
  'layout-report': (m) => isCount(m.requestId) && isLayout(m.layout),
  'request-error': (m) => isCount(m.requestId) && isErrorInfo(m.error),
  'runtime-warning': (m) =>
    isObject(m.warning) && isText(m.warning.code, 200) && isText(m.warning.message, 10_000) && optional(listOf((u) => isText(u, 2000), 200))(m.warning.urls),
};

/**
 * The host's check on what arrives from the sandbox: a known message type with fields of the
 * right kinds, or null (the host ignores it). The sandbox runs untrusted code, so nothing it sends
 * is taken on its word.
 */
export function parseSandboxMessage(data: unknown): SandboxToHost | null {
  if (!isObject(data) || typeof data.type !== 'string' || !Object.hasOwn(SHAPES, data.type)) return null;
  return SHAPES[data.type as SandboxToHost['type']](data) ? (data as SandboxToHost) : null;
}
