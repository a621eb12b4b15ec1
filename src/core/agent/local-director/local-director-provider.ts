import { scenesTemplate } from '../../templates/scenes';
import { parseVideoPlan, videoPlanSource, VIDEO_PLAN_PATH, type VideoPlan } from '../../templates/video-plan';
import type { Content, FunctionCall, GenerateOptions, ModelProvider, ModelRequest, ModelResponse } from '../provider/model-types';
import { ProviderError } from '../provider/provider-error';
import { asksForNewVideo, editPlan, planFromPrompt, sizeFor, type Aspect } from './read-video-request';

/** Said in every reply, so nobody mistakes the template filler for a language model. */
export const LOCAL_DIRECTOR_NOTE = 'Local demo model: it fills a template from your words. Set GEMINI_API_KEY and restart `npm start` to work with Gemini.';

const HELP =
  'I can change the colours (“make it blue”), the length (“make it 20 seconds”, “shorter”), the format (“make it vertical”), add or remove scenes (“add a scene about price”, “remove the last scene”), rename it (“call it Morning Brew”) or change a scene’s text (“change the text of scene 2 to …”). To start over, describe a new video (“Make a 15 second explainer about …”).';

interface ToolResult {
  name: string;
  output?: Record<string, unknown>;
  error?: { code?: string; message?: string };
}

interface ProjectFacts {
  name: string;
  width: number;
  height: number;
  fps: number;
}

/** What a turn needs done: the plan to write, the size to scaffold at (or none), and words for the reply. */
interface Work {
  plan: VideoPlan;
  scaffold: { width: number; height: number } | null;
  summary: string;
}

const DEFAULT_PROJECT_NAMES = /^(untitled( project)?|my video|new project)?$/i;

type Reply = { text: string } | { calls: FunctionCall[] };

/**
 * A deterministic stand-in for the agent's model that needs no network: it reads the request,
 * fills the Scenes template's plan (src/video.ts) and does the work through the agent's real tools
 * (read_file, scaffold_project, atomic_edit, run_build_check), so the loop, versions, undo and the
 * automatic checks behave exactly as with Gemini. Each step is derived from the turn so far, so it
 * keeps no state of its own and survives a reload like any conversation.
 *
 * @example
 * const session = makeAgentSession({ ...ports, model: makeLocalDirectorProvider() });
 * await session.send('Make a 10 second product teaser for a coffee brand');
 */
export function makeLocalDirectorProvider(): ModelProvider {
  return {
    name: 'local-director',
    async generate(request: ModelRequest, options: GenerateOptions = {}): Promise<ModelResponse> {
      if (options.signal?.aborted) throw new ProviderError('cancelled', 'cancelled before the request');
      const reply = nextStep(request);
      if ('text' in reply) {
        options.onTextDelta?.(reply.text);
        return { content: { role: 'model', parts: [{ text: reply.text }] }, text: reply.text, functionCalls: [], finishReason: 'STOP' };
      }
      const content: Content = { role: 'model', parts: reply.calls.map((c) => ({ functionCall: c })) };
      return { content, text: '', functionCalls: reply.calls, finishReason: 'STOP' };
    },
  };
}

function nextStep(request: ModelRequest): Reply {
  const { prompt, results } = readTurn(request.contents);
  const project = readProjectFacts(request.systemInstruction ?? '');
  if (prompt.startsWith('Automatic check')) {
    const problems = prompt.split('\n').slice(1).join('\n');
    return { text: `The automatic check found problems that the local demo model cannot fix:\n${problems}\nUndo this turn to go back, or fix them in the Code view.\n\n${LOCAL_DIRECTOR_NOTE}` };
  }
  if (results.length === 0) return { calls: [{ name: 'read_file', args: { path: VIDEO_PLAN_PATH } }] };

  const failed = results.slice(1).find((r) => r.error && r.error.code !== 'no_change');
  if (failed) return { text: `I could not finish: ${failed.name} failed (${failed.error!.code}): ${failed.error!.message}\n\n${LOCAL_DIRECTOR_NOTE}` };

  const work = planWork(prompt, results[0]!, project);
  if ('text' in work) return work;

  const done = (name: string) => results.slice(1).some((r) => r.name === name);
  const reads = results.filter((r) => r.name === 'read_file');
  const scaffolded = done('scaffold_project');
  if (work.scaffold && !scaffolded) {
    // The project keeps a name the person (or Home) gave it; only a default one becomes the video's title.
    const name = DEFAULT_PROJECT_NAMES.test(project.name) ? work.plan.title : project.name;
    return { calls: [{ name: 'scaffold_project', args: { template: scenesTemplate.id, name, fps: project.fps, width: work.scaffold.width, height: work.scaffold.height, replace: true } }] };
  }
  if (scaffolded && reads.length < 2) return { calls: [{ name: 'read_file', args: { path: VIDEO_PLAN_PATH } }] };
  if (!done('atomic_edit')) {
    const file = reads[reads.length - 1]!.output!;
    return {
      calls: [{ name: 'atomic_edit', args: { path: VIDEO_PLAN_PATH, expectedHash: String(file.hash), edits: [{ startLine: 1, endLine: Number(file.totalLines), newText: videoPlanSource(work.plan).replace(/\n$/, '') }] } }],
    };
  }
  if (!done('run_build_check')) return { calls: [{ name: 'run_build_check', args: {} }] };

  const build = results.find((r) => r.name === 'run_build_check')!.output ?? {};
  if (build.clean !== true) {
    const errors = [...((build.bundleErrors as string[]) ?? []), ...((build.typeErrors as string[]) ?? [])].slice(0, 5);
    return { text: `${work.summary}\n\nBut the project does not build:\n${errors.map((e) => `- ${e}`).join('\n')}\n\n${LOCAL_DIRECTOR_NOTE}` };
  }
  return { text: `${work.summary}\n\n${LOCAL_DIRECTOR_NOTE}` };
}

/** Decides the plan from the request and what the first read of src/video.ts found. */
function planWork(prompt: string, read: ToolResult, project: ProjectFacts): Work | { text: string } {
  const existing = read.output ? parseVideoPlan(stripLineNumbers(String(read.output.content ?? ''))) : null;
  const sizeOf = (aspect: Aspect | undefined) => (aspect ? sizeFor(aspect, project) : { width: project.width, height: project.height });

  if (existing && !asksForNewVideo(prompt)) {
    const edit = editPlan(existing, prompt);
    if (edit.changes.length === 0) return { text: `I did not change anything: the local demo model only understands a few kinds of request. ${HELP}\n\n${LOCAL_DIRECTOR_NOTE}` };
    const size = sizeOf(edit.aspect);
    const resize = size.width !== project.width || size.height !== project.height;
    return { plan: edit.plan, scaffold: resize ? size : null, summary: `Done: ${edit.changes.join(', ')}. ${describePlan(edit.plan, size)}` };
  }
  if (read.output && !existing && !asksForNewVideo(prompt)) {
    return { text: `${VIDEO_PLAN_PATH} no longer holds a plan I can read (its JSON was changed by hand), so I left the project alone. Ask for a new video to start over, or fix the file. ${HELP}\n\n${LOCAL_DIRECTOR_NOTE}` };
  }
  // Judged from the first read (made before anything changed): later calls see the scaffolded files.
  const emptyAtStart = read.error?.code === 'file_not_found' && /Files: \(none\)/.test(read.error.message ?? '');
  if (!existing && !emptyAtStart && !asksForNewVideo(prompt)) {
    return {
      text: `This project’s code was not written by the local demo model, which can only edit its own videos, so I left it alone. Describe a new video to replace it (“Make a 15 second teaser for …”; the current code stays in Versions), or set GEMINI_API_KEY for Gemini, which can edit any code. ${HELP}\n\n${LOCAL_DIRECTOR_NOTE}`,
    };
  }
  const fresh = planFromPrompt(prompt);
  const size = sizeOf(fresh.aspect);
  const replaced = emptyAtStart ? '' : ' The previous code is kept in Versions.';
  return {
    plan: fresh.plan,
    scaffold: size,
    summary: `I made “${fresh.plan.title}”: ${describePlan(fresh.plan, size)} in ${fresh.colourName} colours.${replaced} Ask for changes such as “make it blue”, “make it 20 seconds” or “add a scene about price”.`,
  };
}

function describePlan(plan: VideoPlan, size: { width: number; height: number }): string {
  const format = size.width === size.height ? 'square' : size.width > size.height ? 'landscape' : 'vertical';
  const scenes = plan.scenes.map((s) => s.heading).join(' → ');
  return `a ${plan.durationSeconds} s ${format} video (${size.width}×${size.height}) in ${plan.scenes.length} scene${plan.scenes.length === 1 ? '' : 's'}: ${scenes}`;
}

/** The person's request this turn (or the loop's automatic-check message) and every tool result since. */
function readTurn(contents: readonly Content[]): { prompt: string; results: ToolResult[] } {
  let start = contents.length - 1;
  const isPrompt = (c: Content) => c.role === 'user' && c.parts.some((p) => typeof p.text === 'string') && !c.parts.some((p) => p.functionResponse);
  while (start > 0 && !isPrompt(contents[start]!)) start--;
  const texts = (contents[start]?.parts ?? []).map((p) => p.text).filter((t): t is string => typeof t === 'string' && !t.startsWith('[Director:'));
  const results: ToolResult[] = [];
  for (const content of contents.slice(start + 1)) {
    for (const part of content.parts) {
      const r = part.functionResponse;
      if (!r) continue;
      const response = r.response as { output?: Record<string, unknown>; error?: { code?: string; message?: string } };
      results.push({ name: r.name, ...(response.output ? { output: response.output } : {}), ...(response.error ? { error: response.error } : {}) });
    }
  }
  return { prompt: (texts[texts.length - 1] ?? '').trim(), results };
}

/** Name, size and fps, as the system prompt states them (buildSystemPrompt). */
function readProjectFacts(system: string): ProjectFacts {
  const m = /Project: "(.*)", (\d+)×(\d+) at (\d+(?:\.\d+)?) fps/.exec(system);
  return { name: m?.[1] ?? 'My video', width: Number(m?.[2] ?? 1920), height: Number(m?.[3] ?? 1080), fps: Number(m?.[4] ?? 30) };
}

const stripLineNumbers = (numbered: string) => numbered.replace(/^ *\d+\| ?/gm, '');
