import { diffFiles } from '../../project/diff-files';
import { fitHistory, type PastTurn } from '../memory/conversation-window';
import type { KnowledgeRetriever } from '../memory/knowledge-retriever';
import { buildSystemPrompt } from '../memory/system-prompt';
import { summariseOlderResults } from '../memory/turn-context';
import type { ModelProvider, ModelResponse, Part } from '../provider/model-types';
import { isProviderError } from '../provider/provider-error';
import type { StepKind, StepRecord, TurnRecord } from '../records/conversation-records';
import { runBuildCheck } from '../tools/run-build-check';
import { runPreview } from '../tools/run-preview';
import { runVisualCheck } from './visual-check';
import type { ToolRegistry } from '../tools/tool-registry';
import type { CheckFinding, ToolContext, ToolOutcome } from '../tools/tool-types';
import { treeHash } from '../workspace/content-hash';
import type { AgentEventListener } from './agent-events';
import { guardWorkspace, TurnCancelledError } from './guarded-workspace';
import { decisionsChanged, takeCheckpoint, type ProjectCheckpoint } from './project-checkpoint';
import { raceAbort } from './race-abort';
import { boundedDiff, rollBack, type Ending } from './roll-back';
import { mergeSameRole } from './merge-contents';
import { makeRepeatDetector, repeatWarning } from './repeat-detector';
import { clip, shortArgs } from './short-text';

export interface TurnLimits {
  /** Tool calls per turn (the step budget). */
  maxToolSteps: number;
  /** Model calls per turn; a second guard besides the step budget. */
  maxModelCalls: number;
  /** Times the automatic checks may send problems back before the turn ends with them. */
  maxCorrectionRounds: number;
  /** Same call on the same state, or same state reached by edits, this many times = a loop. */
  maxRepeats: number;
  /** MALFORMED_FUNCTION_CALL answers tolerated (with a nudge) before the turn fails. */
  malformedRetries: number;
  historyBudgetTokens: number;
  knowledgeNotes: number;
  /** Tool results of this turn sent whole on each model call; older successful ones are summarised. */
  keepWholeResults: number;
}

export const DEFAULT_TURN_LIMITS: TurnLimits = {
  maxToolSteps: 40,
  maxModelCalls: 48,
  maxCorrectionRounds: 3,
  maxRepeats: 3,
  malformedRetries: 1,
  historyBudgetTokens: 48_000,
  knowledgeNotes: 4,
  keepWholeResults: 6,
};

export interface TurnDeps extends Omit<ToolContext, 'signal'> {
  model: ModelProvider;
  registry: ToolRegistry;
  retriever: KnowledgeRetriever;
  limits: TurnLimits;
  now: () => number;
  newId: () => string;
}

export interface RunTurnInput {
  prompt: string;
  pastTurns: readonly PastTurn[];
  signal?: AbortSignal;
  onEvent?: AgentEventListener;
}


/** A step that ends the turn says so in its result (no exceptions for control flow). */
interface Ended {
  ended: Ending;
}
const end = (ending: Ending): Ended => ({ ended: ending });
const isEnded = (value: unknown): value is Ended => typeof value === 'object' && value !== null && 'ended' in value;

/**
 * One turn: the person's prompt, then model calls and tool calls until the model stops and the
 * project is clean, or a limit or failure ends it. Contract:
 * - A version is saved before anything changes (TurnRecord.versionBeforeId): one-click undo.
 * - Every model call, tool call and automatic check is a step event (name, args and result in
 *   short, ms).
 * - Self-correction: when the model stops, files changed since the last clean check are checked
 *   (bundle + types, then a preview run); build/runtime problems and failed visual checks go
 *   back to the model, up to maxCorrectionRounds and the step budget; the ending says which.
 * - Cancel (signal): stops at once. The project stays as the last completed tool left it (every
 *   write is one atomic batch, and writes after the cancel are refused); undo the turn with its
 *   versionBeforeId to go back further.
 * - Failure (provider error, tool that throws, malformed calls, a loop) or a spent step budget:
 *   changes that build are kept. One last build check; if the project does not build, only the
 *   edits since the last good build are reverted (the unfinished state is first saved as a
 *   version, so nothing is lost), and the message says so.
 * - Loops: repeating a look (read, check) on an unchanged project is answered with a warning;
 *   only a repeated edit, or edits that keep returning to one state, end the turn.
 */
export async function runTurn(deps: TurnDeps, input: RunTurnInput): Promise<TurnRecord> {
  const limits = deps.limits;
  const controller = new AbortController();
  const signal = controller.signal;
  const forwardAbort = () => controller.abort(input.signal?.reason);
  if (input.signal?.aborted) forwardAbort();
  else input.signal?.addEventListener('abort', forwardAbort, { once: true });

  const turnId = deps.newId();
  const emit: AgentEventListener = (event) => {
    try {
      input.onEvent?.(event);
    } catch {
      /* a broken listener must not break the turn */
    }
  };
  const workspace = guardWorkspace(deps.workspace, signal);
  const ctx: ToolContext = { ...deps, workspace, signal };

  const versionBefore = await deps.workspace.saveVersion(`Before: ${clip(input.prompt, 60)}`);
  const turn: TurnRecord = {
    id: turnId,
    prompt: input.prompt,
    startedAt: deps.now(),
    versionBeforeId: versionBefore.id,
    status: 'running',
    message: '',
    reply: '',
    steps: [],
    changedFiles: [],
    contents: [{ role: 'user', parts: [{ text: input.prompt }] }],
    usage: { promptTokens: 0, outputTokens: 0, modelCalls: 0, toolSteps: 0 },
  };
  emit({ type: 'turn_started', turnId, prompt: input.prompt, versionBeforeId: versionBefore.id });

  const before = await takeCheckpoint(deps.workspace);
  // The last state in this turn that built (bundle + types); failures go back no further than this.
  let lastGoodBuild: ProjectCheckpoint = before;
  let budgetSpent: string | null = null;
  let tree = before.tree;
  const repeats = makeRepeatDetector(limits.maxRepeats, tree);
  const history = fitHistory(input.pastTurns, { budgetTokens: limits.historyBudgetTokens });
  let knowledgeQuery = input.prompt;
  // Latest check per kind, with the project state it was made on.
  let lastBuild: { tree: string; finding: CheckFinding } | null = null;
  let lastRuntime: { tree: string; finding: CheckFinding } | null = null;
  let openVisual: string[] = [];
  // The automatic visual check: the tree it last looked at, the frames to show the model, and what was skipped.
  let lastVisualTree: string | null = null;
  // Kept apart from openVisual: a clean pixel check must not clear what the model's own inspection found.
  let autoVisual: string[] = [];
  let pendingImages: Part[] = [];
  let durationInFrames: number | null = null;
  const skipped = new Set<string>();
  let correctionRounds = 0;
  let malformed = 0;
  // Whether any tool changed the project (files, assets, style or settings) in this turn.
  let mutated = false;

  const record = (kind: StepKind, name: string, args: string, result: string, ok: boolean, ms: number, code?: string): StepRecord => {
    const step: StepRecord = { index: turn.steps.length, kind, name, args, result: clip(result, 300), ok, ms: Math.round(ms * 10) / 10, at: deps.now(), ...(code ? { code } : {}) };
    turn.steps.push(step);
    emit({ type: 'step', turnId, step });
    return step;
  };
  const cancelled = (): Ending => ({ status: 'cancelled', code: 'cancelled', message: `Cancelled. The project is as the last completed step left it; undo this turn to return to "${versionBefore.label}".` });
  /** The turn's end when cancel came in, else null. */
  const whenCancelled = (): Ended | null => (signal.aborted ? end(cancelled()) : null);
  const refreshTree = async () => {
    tree = treeHash(new Map((await deps.workspace.listFiles()).map((f) => [f.path, f.content])));
    return tree;
  };
  const noteCheck = (finding: CheckFinding, atTree: string) => {
    if (finding.kind === 'build') lastBuild = { tree: atTree, finding };
    if (finding.kind === 'runtime') lastRuntime = { tree: atTree, finding };
    if (finding.kind === 'visual') openVisual = finding.clean ? [] : finding.problems;
  };
  const markGoodBuild = async () => {
    if (lastBuild?.tree === tree && lastBuild.finding.clean && lastGoodBuild.tree !== tree) lastGoodBuild = await takeCheckpoint(deps.workspace);
  };

  const callModel = async (): Promise<ModelResponse | Ended> => {
    const stop = whenCancelled();
    if (stop) return stop;
    if (turn.usage.modelCalls >= limits.maxModelCalls) return end(budgetEnding(`the model was called ${limits.maxModelCalls} times`));
    const [settings, style, files, assets] = await Promise.all([deps.workspace.settings(), deps.workspace.getStyle(), deps.workspace.listFiles(), deps.workspace.listAssets()]);
    const systemInstruction = buildSystemPrompt({
      settings,
      style,
      filePaths: files.map((f) => f.path),
      assetNames: assets.map((a) => a.name),
      notes: deps.retriever.retrieve(knowledgeQuery, limits.knowledgeNotes),
      earlierSummary: history.summary,
    });
    const index = turn.steps.length;
    emit({ type: 'step_started', turnId, index, kind: 'model', name: 'model', args: `${turn.contents.length} messages this turn` });
    const start = performance.now();
    turn.usage.modelCalls++;
    try {
      const response = await raceAbort(
        deps.model.generate(
          { systemInstruction, contents: mergeSameRole([...history.contents, ...summariseOlderResults(turn.contents, { keepWholeResults: limits.keepWholeResults })]), tools: deps.registry.declarations(), functionCallingMode: 'AUTO' },
          { signal, onTextDelta: (text) => emit({ type: 'text_delta', turnId, text }) },
        ),
        signal,
      );
      if (response.usage) {
        turn.usage.promptTokens += response.usage.promptTokens;
        turn.usage.outputTokens += response.usage.outputTokens;
      }
      const calls = response.functionCalls.map((c) => c.name).join(', ');
      record('model', 'model', `${turn.contents.length} messages`, calls ? `calls ${calls}` : response.text || response.finishReason, true, performance.now() - start);
      return response;
    } catch (e) {
      if (signal.aborted || e instanceof TurnCancelledError || (isProviderError(e) && e.code === 'cancelled')) {
        record('model', 'model', '', 'cancelled', false, performance.now() - start, 'cancelled');
        return end(cancelled());
      }
      if (isProviderError(e)) {
        record('model', 'model', '', `${e.code}: ${e.message}`, false, performance.now() - start, e.code);
        const wait = e.retryAfterSec ? ` Try again in ${e.retryAfterSec} s.` : '';
        return end({ status: 'failed', code: 'provider_error', providerCode: e.code, ...(e.retryAfterSec ? { retryAfterSec: e.retryAfterSec } : {}), message: `The model could not answer (${e.code}): ${e.message}.${wait}` });
      }
      record('model', 'model', '', String(e), false, performance.now() - start, 'provider_error');
      return end({ status: 'failed', code: 'provider_error', message: `The model call failed: ${(e as Error).message ?? e}` });
    }
  };

  const budgetEnding = (why: string): Ending => {
    budgetSpent = why;
    const problems = currentProblems();
    return problems.length
      ? { status: 'problems_remain', code: 'budget_exhausted', message: `Stopped: ${why}, with problems left:\n${problems.map((p) => `- ${p}`).join('\n')}` }
      : { status: 'problems_remain', code: 'budget_exhausted', message: `Stopped: ${why}, before the model finished. The project was not verified after its last changes.` };
  };

  const currentProblems = (): string[] => {
    const out: string[] = [];
    if (lastBuild && !lastBuild.finding.clean) out.push(...lastBuild.finding.problems.map((p) => `build: ${p}`));
    else if (lastRuntime && !lastRuntime.finding.clean) out.push(...lastRuntime.finding.problems.map((p) => `runtime: ${p}`));
    out.push(...[...openVisual, ...(lastVisualTree === tree ? autoVisual : [])].map((p) => `visual: ${p}`));
    return out;
  };

  /** Runs one function call; returns the functionResponse part, or the turn's end. */
  const runCall = async (name: string, rawArgs: unknown): Promise<Part | Ended> => {
    const argsText = shortArgs(rawArgs);
    const respond = (response: Record<string, unknown>): Part => ({ functionResponse: { name, response } });
    if (turn.usage.toolSteps >= limits.maxToolSteps) {
      record('tool', name, argsText, 'not run: step budget spent', false, 0, 'step_budget_exhausted');
      return end(budgetEnding(`the step budget (${limits.maxToolSteps} tool calls) is spent`));
    }
    turn.usage.toolSteps++;
    const index = turn.steps.length;
    emit({ type: 'step_started', turnId, index, kind: 'tool', name, args: argsText });
    const start = performance.now();
    const validated = deps.registry.validate(name, rawArgs);
    const repeat = repeats.checkCall(name, rawArgs, tree);
    // Looking again (a read, a check) costs a step but loses nothing: warn. Re-sending the same edit ends the turn.
    if (repeat.repeated && validated.ok && validated.tool.mutates) {
      record('tool', name, argsText, repeat.message, false, performance.now() - start, repeat.code);
      return end({ status: 'failed', code: repeat.code, message: `${repeat.message} The turn was stopped.` });
    }
    const warning = repeat.repeated ? { warning: repeatWarning(name, rawArgs, repeat.count) } : {};
    if (!validated.ok) {
      record('tool', name, argsText, validated.message, false, performance.now() - start, validated.code);
      return respond({ error: { code: validated.code, message: validated.message, ...(validated.issues ? { issues: validated.issues } : {}) }, ...warning });
    }
    let outcome: ToolOutcome;
    try {
      outcome = await raceAbort(validated.tool.run(validated.args, ctx), signal);
    } catch (e) {
      if (signal.aborted || e instanceof TurnCancelledError) {
        record('tool', name, argsText, 'cancelled', false, performance.now() - start, 'cancelled');
        return end(cancelled());
      }
      if (isProviderError(e)) {
        record('tool', name, argsText, `${e.code}: ${e.message}`, false, performance.now() - start, 'provider_error');
        return end({ status: 'failed', code: 'provider_error', providerCode: e.code, ...(e.retryAfterSec ? { retryAfterSec: e.retryAfterSec } : {}), message: `${name} needed the model and it failed (${e.code}): ${e.message}` });
      }
      record('tool', name, argsText, `threw: ${(e as Error).message ?? e}`, false, performance.now() - start, 'tool_crashed');
      return end({ status: 'failed', code: 'tool_crashed', message: `The tool ${name} crashed: ${(e as Error).message ?? e}` });
    }
    if (outcome.changedFiles?.length || validated.tool.mutates) {
      const previous = tree;
      await refreshTree();
      if (tree !== previous) {
        const loop = repeats.checkState(tree, name);
        if (loop.repeated) {
          record('tool', name, argsText, loop.message, false, performance.now() - start, loop.code);
          return end({ status: 'failed', code: loop.code, message: `${loop.message} The turn was stopped.` });
        }
      }
    }
    if (outcome.ok && validated.tool.mutates) mutated = true;
    if (outcome.check) noteCheck(outcome.check, tree);
    await markGoodBuild();
    const repeatNote = repeat.repeated ? ` (repeat ${repeat.count}: warned)` : '';
    if (outcome.ok) record('tool', name, argsText, `${outcome.summary}${repeatNote}`, true, performance.now() - start, repeat.repeated ? 'repeat_warned' : undefined);
    else record('tool', name, argsText, `${outcome.code}: ${outcome.message}${repeatNote}`, false, performance.now() - start, outcome.code);
    return respond({ ...(outcome.ok ? { output: outcome.output as Record<string, unknown> } : { error: { code: outcome.code, message: outcome.message } }), ...warning });
  };

  /** One automatic check as a `check` step: whether it is clean, or the turn's end (a crash, a cancel). */
  const autoCheck = async (tool: typeof runBuildCheck | typeof runPreview, name: string): Promise<boolean | Ended> => {
    emit({ type: 'step_started', turnId, index: turn.steps.length, kind: 'check', name, args: '{}' });
    const start = performance.now();
    let outcome: ToolOutcome;
    try {
      outcome = await raceAbort(tool.run({} as never, ctx), signal);
    } catch (e) {
      if (signal.aborted) return end(cancelled());
      record('check', name, '{}', `threw: ${(e as Error).message}`, false, performance.now() - start, 'tool_crashed');
      return end({ status: 'failed', code: 'tool_crashed', message: `The automatic ${tool.name} crashed: ${(e as Error).message}` });
    }
    if (outcome.check) noteCheck(outcome.check, tree);
    await markGoodBuild();
    if (outcome.ok && tool === runPreview) {
      const comps = (outcome.output as { compositions?: { durationInFrames: number }[] }).compositions;
      durationInFrames = comps?.[0]?.durationInFrames ?? null;
    }
    const clean = outcome.check?.clean ?? outcome.ok;
    record('check', name, '{}', outcome.ok ? outcome.summary : `${outcome.code}: ${outcome.message}`, clean, performance.now() - start, clean ? undefined : 'check_failed');
    return clean;
  };

  /**
   * After a failure or a spent budget: keep every change that builds. One last build check on the
   * current state; if it does not build, only the edits since the last good build are reverted.
   */
  const keepWhatBuilds = async (ending: Ending): Promise<Ending> => {
    await refreshTree();
    if (tree === lastGoodBuild.tree && !(await decisionsChanged(deps.workspace, lastGoodBuild))) return ending;
    if ((await deps.workspace.listFiles()).length === 0) return ending;
    // When the check itself cannot run, nothing says the changes build: lastBuild stays as it was.
    if (lastBuild?.tree !== tree) await autoCheck(runBuildCheck, 'final_run_build_check');
    const builds = lastBuild?.tree === tree && lastBuild.finding.clean;
    const notDone = budgetSpent ? '' : ' The model did not finish the request';
    if (builds) {
      await markGoodBuild();
      const refreshed = budgetSpent ? budgetEnding(budgetSpent) : ending;
      const unverified = lastRuntime?.tree === tree ? '' : ' They were not previewed after the last change.';
      return { ...refreshed, message: `${refreshed.message}\nThe changes made so far build and are kept.${notDone ? `${notDone}.` : ''}${unverified}` };
    }
    const first = lastBuild?.tree === tree ? lastBuild.finding.problems[0]?.split('\n')[0] : undefined;
    const where = lastGoodBuild === before ? 'as it was before this turn' : 'at the last point in this turn where it built';
    const why = `The project did not build after the last changes${first ? ` (${first})` : ''}, so only the edits since the last good build were reverted.`;
    return rollBack(deps, { ...ending, message: `${ending.message}\n${why}${notDone ? `${notDone}.` : ''}` }, lastGoodBuild, input.prompt, where);
  };

  /** The automatic checks when the model stops: build, then preview if the build is clean, then the visual check; the turn's end if one crashes or cancel came in. */
  const verify = async (): Promise<Ended | undefined> => {
    const empty = (await deps.workspace.listFiles()).length === 0;
    if (empty) return;
    for (const [tool, last] of [
      [runBuildCheck, () => lastBuild],
      [runPreview, () => lastRuntime],
    ] as const) {
      if (last()?.tree === tree) {
        if (!last()!.finding.clean) return;
        continue;
      }
      const stop = whenCancelled();
      if (stop) return stop;
      const clean = await autoCheck(tool, `auto_${tool.name}`);
      if (isEnded(clean)) return clean;
      if (!clean) return;
    }
    if (deps.previewRunner.fidelity === 'stand-in') skipped.add('runtime checks used a stand-in that renders nothing (only a literal throw is caught)');
    if (lastVisualTree === tree) return;
    if (deps.stillRenderer.fidelity === 'placeholder') {
      skipped.add('visual checks were skipped (no real renderer here: stills are placeholders)');
      return;
    }
    const stop = whenCancelled();
    if (stop) return stop;
    emit({ type: 'step_started', turnId, index: turn.steps.length, kind: 'check', name: 'auto_visual_check', args: '{}' });
    const start = performance.now();
    try {
      const visual = await raceAbort(runVisualCheck(ctx, durationInFrames), signal);
      lastVisualTree = tree;
      autoVisual = visual.finding.problems;
      pendingImages = visual.finding.clean ? [] : visual.images;
      record('check', 'auto_visual_check', `frames ${visual.frames.join(', ')}`, visual.summary, visual.finding.clean, performance.now() - start, visual.finding.clean ? undefined : 'check_failed');
    } catch (e) {
      if (signal.aborted) return end(cancelled());
      record('check', 'auto_visual_check', '{}', `threw: ${(e as Error).message}`, false, performance.now() - start, 'tool_crashed');
      return end({ status: 'failed', code: 'tool_crashed', message: `The automatic visual check crashed: ${(e as Error).message}` });
    }
    return undefined;
  };

  /** Model calls and tool calls until the turn ends: the ending says how. */
  const converse = async (): Promise<Ending> => {
    for (;;) {
      const response = await callModel();
      if (isEnded(response)) return response.ended;
      if (response.finishReason === 'MALFORMED_FUNCTION_CALL' || response.finishReason === 'UNEXPECTED_TOOL_CALL') {
        malformed++;
        if (malformed > limits.malformedRetries) {
          return { status: 'failed', code: 'malformed_function_call', message: `The model sent a malformed function call ${malformed} times${response.finishMessage ? ` (${clip(response.finishMessage, 200)})` : ''}; the turn was stopped.` };
        }
        turn.contents.push({ role: 'user', parts: [{ text: `Your last function call could not be parsed${response.finishMessage ? ` (${clip(response.finishMessage, 300)})` : ''}. Call the tool again with arguments that are valid JSON matching its schema.` }] });
        continue;
      }
      const calls = response.functionCalls;
      turn.contents.push(response.content);
      if (response.text.trim()) turn.reply = response.text.trim();
      if (calls.length > 0) {
        const responses: Part[] = [];
        let stopped: Ended | null = null;
        for (const call of calls) {
          if (typeof call.name !== 'string' || (call.args !== undefined && (typeof call.args !== 'object' || call.args === null || Array.isArray(call.args)))) {
            responses.push({ functionResponse: { name: String(call.name), response: { error: { code: 'malformed_call', message: 'Function call arguments must be a JSON object.' } } } });
            record('tool', String(call.name), shortArgs(call.args), 'malformed call: args is not an object', false, 0, 'malformed_call');
            continue;
          }
          const answer = await runCall(call.name, call.args ?? {});
          if (isEnded(answer)) {
            stopped = answer;
            break;
          }
          responses.push(answer);
          // A tool that finished as cancel came in keeps its result; nothing after it runs.
          stopped = whenCancelled();
          if (stopped) break;
        }
        // Every call gets an answer, even when the turn ends mid-way, so the history stays valid.
        for (const call of calls.slice(responses.length)) {
          responses.push({ functionResponse: { name: call.name, response: { error: { code: 'not_run', message: 'The turn ended before this call ran.' } } } });
        }
        turn.contents.push({ role: 'user', parts: responses });
        if (stopped) return stopped.ended;
        continue;
      }

      // The model stopped calling tools: verify what changed since the last clean check.
      if (mutated) {
        const stopped = await verify();
        if (stopped) return stopped.ended;
      }
      const problems = currentProblems();
      if (problems.length === 0) {
        return !mutated
          ? { status: 'answered', message: turn.reply || 'Done (no changes).' }
          : { status: 'clean', message: `${lastRuntime ? 'Done: the project builds and the preview renders without errors.' : 'Done.'}${skipped.size ? ` Not checked here: ${[...skipped].join('; ')}.` : ''}` };
      }
      if (correctionRounds >= limits.maxCorrectionRounds) {
        return { status: 'problems_remain', code: 'corrections_exhausted', message: `Stopped after ${correctionRounds} correction rounds with problems left:\n${problems.map((p) => `- ${p}`).join('\n')}` };
      }
      correctionRounds++;
      knowledgeQuery = `${input.prompt}\n${problems.join('\n')}`;
      turn.contents.push({
        role: 'user',
        // The frames first, the instructions last: the last text of a message is what it asks.
        parts: [
          ...pendingImages,
          { text: `Automatic check (round ${correctionRounds} of ${limits.maxCorrectionRounds}) found problems. Fix them, check again, then finish:\n${problems.map((p) => `- ${p}`).join('\n')}${pendingImages.length ? '\nThe frames above are the ones the visual check rendered.' : ''}` },
        ],
      });
      pendingImages = [];
    }
  };

  let ending: Ending;
  try {
    ending = await converse();
  } finally {
    input.signal?.removeEventListener('abort', forwardAbort);
  }

  if (ending.status === 'failed' || ending.code === 'budget_exhausted') ending = await keepWhatBuilds(ending);
  const after = new Map((await deps.workspace.listFiles()).map((f) => [f.path, f.content]));
  turn.diff = boundedDiff(diffFiles(before.files, after));
  turn.changedFiles = turn.diff.map((d) => d.path);
  Object.assign(turn, { status: ending.status, message: ending.message, endedAt: deps.now() });
  if (ending.code) turn.code = ending.code;
  if (ending.providerCode) turn.providerCode = ending.providerCode;
  if (ending.retryAfterSec) turn.retryAfterSec = ending.retryAfterSec;
  emit({ type: 'turn_ended', turn });
  return turn;
}
