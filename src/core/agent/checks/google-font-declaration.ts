/**
 * The type of `@remotion/google-fonts/<Font>` in Director, for any font name. The preview runtime
 * replaces the package with a shim that loads any family (see preview-runtime/project-environment),
 * so the per-font declarations (1,800 files, 5 MB) are not shipped; this declares what the shim has.
 */
export const GOOGLE_FONT_DECLARATION = `type FontFiles = Record<string, Record<string, Record<string, string>>>;
export declare const fontFamily: string;
export declare const loadFont: (style?: string, options?: {
  weights?: string[];
  subsets?: string[];
  ignoreTooManyRequestsWarning?: boolean;
}) => {
  fontFamily: string;
  fonts: FontFiles;
  unicodeRanges: Record<string, string>;
  waitUntilDone: () => Promise<undefined>;
};
export declare const getInfo: () => {
  fontFamily: string;
  importName: string;
  version: string;
  url: string;
  unicodeRanges: Record<string, string>;
  fonts: FontFiles;
};
`;
