import type { z } from 'zod';
import type { AudioAnalyzer } from '../ports/audio-analyzer';
import type { BuildChecker } from '../ports/build-checker';
import type { ImageGenerator } from '../ports/image-generator';
import type { PreviewRunner } from '../ports/preview-runner';
import type { ProjectMapper } from '../ports/project-mapper';
import type { ProjectWorkspace } from '../ports/project-workspace';
import type { StillRenderer } from '../ports/still-renderer';
import type { SvgSanitizer } from '../ports/svg-sanitizer';
import type { ModelProvider } from '../provider/model-types';

/** What a tool may use. Everything is an interface the app implements; nothing touches the DOM. */
export interface ToolContext {
  workspace: ProjectWorkspace;
  buildChecker: BuildChecker;
  previewRunner: PreviewRunner;
  stillRenderer: StillRenderer;
  audioAnalyzer: AudioAnalyzer;
  projectMapper: ProjectMapper;
  imageGenerator: ImageGenerator;
  svgSanitizer: SvgSanitizer;
  /** The model used for sub-asks: vision answers and SVG drawing. */
  helperModel: ModelProvider;
  signal: AbortSignal;
}

/** A check a tool performed, which the loop uses for self-correction. */
export interface CheckFinding {
  kind: 'build' | 'runtime' | 'visual';
  clean: boolean;
  /** One line per problem, ready to send back to the model. */
  problems: string[];
}

export type ToolOutcome =
  | {
      ok: true;
      /** One line for the timeline. */
      summary: string;
      /** What the model receives as `output` (keep it small: it costs tokens every later step). */
      output: unknown;
      /** Paths whose content this call changed (drives "files changed since last check"). */
      changedFiles?: string[];
      check?: CheckFinding;
    }
  | { ok: false; code: string; message: string; check?: CheckFinding; changedFiles?: string[] };

export interface AgentTool<Args = unknown> {
  name: string;
  description: string;
  args: z.ZodType<Args>;
  /** True when the tool can change source files, assets or settings. */
  mutates: boolean;
  run(args: Args, ctx: ToolContext): Promise<ToolOutcome>;
}

/** Identity helper that keeps each tool's argument type tied to its schema. */
export function defineTool<Args>(tool: AgentTool<Args>): AgentTool<Args> {
  return tool;
}

export const fail = (code: string, message: string, extra: { check?: CheckFinding } = {}): ToolOutcome => ({ ok: false, code, message, ...extra });
