/**
 * How a person reads a node's params: a label, a unit and human names for coded choices. The
 * param keys stay as they are (they are the wire and cache-key format); only what is shown changes.
 */
export interface ParamInfo {
  /** "Duration", "Aspect ratio". */
  label: string;
  /** Shown after the label in a form ("Duration (s)") and after the value on a node ("8 s"). */
  unit?: string;
  /** Names for choices whose codes mean little to a person: `text_to_video` → "Text → video". */
  options?: Readonly<Record<string, string>>;
  /** Shown on the node itself (short choices and numbers; long text stays in the inspector). */
  onNode?: boolean;
  /** Set by the app, never typed (an upload's asset id): no form field, not on the node. */
  internal?: boolean;
}

/** One entry per param key: a kind whose schema gains a key without a label does not compile. */
export type ParamInfoMap<P> = { readonly [K in keyof P & string]-?: ParamInfo };

/** The form label: "Duration (s)", "Aspect ratio". */
export function fieldLabel(info: ParamInfo): string {
  return info.unit ? `${info.label} (${info.unit})` : info.label;
}

/** A value as a person reads it: "8 s", "Reference images", "On". Empty for no value. */
export function formatParamValue(info: ParamInfo, value: unknown): string {
  if (value === undefined || value === null || value === '') return '';
  if (typeof value === 'boolean') return value ? 'On' : 'Off';
  const text = info.options?.[String(value)] ?? String(value);
  return info.unit ? `${text} ${info.unit}` : text;
}

/** The name of one choice, without the unit: for the options of a select. */
export function optionLabel(info: ParamInfo | undefined, value: unknown): string {
  return info?.options?.[String(value)] ?? String(value);
}

export interface ParamLine {
  key: string;
  label: string;
  value: string;
}

/** What a node shows of its params: the `onNode` ones that have a value, in declaration order. */
export function paramLines(paramInfo: Readonly<Record<string, ParamInfo>> | undefined, params: Readonly<Record<string, unknown>>): ParamLine[] {
  if (!paramInfo) return [];
  return Object.entries(paramInfo).flatMap(([key, info]) => {
    if (!info.onNode || info.internal) return [];
    const value = formatParamValue(info, params[key]);
    return value ? [{ key, label: info.label, value }] : [];
  });
}
