import { AUTOPILOT_STEPS, type AutopilotRun, type AutopilotStepId, type StepState } from './autopilot-run';

/**
 * The step machine: pure moves of a run. Steps run in order; the first failure stops the run
 * with its reason; `resume` retries from the failed (or interrupted) step; editing a step's
 * result makes the steps after it pending again. Each move returns a new run.
 */

export const initialSteps = (): StepState[] => AUTOPILOT_STEPS.map((id) => ({ id, status: 'pending', progress: 0 }));

const patch = (run: AutopilotRun, id: AutopilotStepId, change: Partial<StepState>, now: number): AutopilotRun => ({
  ...run,
  steps: run.steps.map((s) => (s.id === id ? { ...s, ...change } : s)),
  updatedAt: now,
});

/** The step to run next: the first not done, unless a step failed (then nothing until resume). */
export function nextStep(run: AutopilotRun): AutopilotStepId | null {
  if (run.steps.some((s) => s.status === 'failed')) return null;
  return run.steps.find((s) => s.status !== 'done')?.id ?? null;
}

export const failedStep = (run: AutopilotRun): StepState | undefined => run.steps.find((s) => s.status === 'failed');
export const isFinished = (run: AutopilotRun) => run.steps.every((s) => s.status === 'done');

export function startStep(run: AutopilotRun, id: AutopilotStepId, now: number): AutopilotRun {
  return patch(run, id, { status: 'running', progress: 0, startedAt: now, endedAt: undefined, error: undefined, summary: undefined }, now);
}

export function progressStep(run: AutopilotRun, id: AutopilotStepId, progress: number, now: number): AutopilotRun {
  return patch(run, id, { progress: Math.min(1, Math.max(0, progress)) }, now);
}

export function finishStep(run: AutopilotRun, id: AutopilotStepId, summary: string, now: number): AutopilotRun {
  return patch(run, id, { status: 'done', progress: 1, endedAt: now, summary, error: undefined }, now);
}

export function failStep(run: AutopilotRun, id: AutopilotStepId, error: string, now: number): AutopilotRun {
  return patch(run, id, { status: 'failed', endedAt: now, error }, now);
}

/**
 * After a reload or a fix: a step left running (the tab closed mid-step) or failed goes back to
 * pending, so the run continues from it; done steps are kept.
 */
export function resume(run: AutopilotRun, now: number): AutopilotRun {
  if (!run.steps.some((s) => s.status === 'running' || s.status === 'failed')) return run;
  return { ...run, steps: run.steps.map((s) => (s.status === 'running' || s.status === 'failed' ? { id: s.id, status: 'pending', progress: 0 } : s)), updatedAt: now };
}

/** A person changed what `id` made (cues, voice settings, a scene's visual): it stays, later steps redo. */
export function invalidateAfter(run: AutopilotRun, id: AutopilotStepId, now: number): AutopilotRun {
  const at = AUTOPILOT_STEPS.indexOf(id);
  return { ...run, steps: run.steps.map((s, i) => (i > at && s.status !== 'pending' ? { id: s.id, status: 'pending', progress: 0 } : s)), updatedAt: now };
}

/** A person changed the input of `id` itself (e.g. voice settings): it and everything after redo. */
export function invalidateFrom(run: AutopilotRun, id: AutopilotStepId, now: number): AutopilotRun {
  const at = AUTOPILOT_STEPS.indexOf(id);
  return { ...run, steps: run.steps.map((s, i) => (i >= at && s.status !== 'pending' ? { id: s.id, status: 'pending', progress: 0 } : s)), updatedAt: now };
}

/**
 * Typical seconds per step for one second of video, offline and on this kind of machine (the
 * bench measures them); only a first guess until the run has measured its own pace.
 */
const STEP_COST_PER_VIDEO_S: Record<AutopilotStepId, number> = { script: 0.05, scenes: 0.01, visuals: 0.05, voiceover: 0.3, subtitles: 0.01, mix: 0.1, render: 2.5 };

/**
 * Seconds left, for the step list: finished steps are known; the running step is projected from
 * its progress; pending steps use the typical costs, scaled by how much slower or faster than
 * typical the finished steps were. Null when nothing is left.
 */
export function timeLeftS(run: AutopilotRun, now: number): number | null {
  const videoS = run.options.lengthS;
  let measured = 0;
  let expected = 0;
  for (const s of run.steps) {
    if (s.status === 'done' && s.startedAt !== undefined && s.endedAt !== undefined) {
      measured += (s.endedAt - s.startedAt) / 1000;
      expected += STEP_COST_PER_VIDEO_S[s.id] * videoS;
    }
  }
  const pace = expected > 0 && measured > 0 ? Math.min(10, Math.max(0.1, measured / expected)) : 1;
  let left = 0;
  let any = false;
  for (const s of run.steps) {
    if (s.status === 'done') continue;
    any = true;
    const typical = STEP_COST_PER_VIDEO_S[s.id] * videoS * pace;
    if (s.status === 'running' && s.startedAt !== undefined && s.progress > 0.05) {
      const spent = (now - s.startedAt) / 1000;
      left += (spent / s.progress) * (1 - s.progress);
    } else left += typical;
  }
  return any ? Math.round(left) : null;
}
